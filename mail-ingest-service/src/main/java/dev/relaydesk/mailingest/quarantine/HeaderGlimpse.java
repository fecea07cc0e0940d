package dev.relaydesk.mailingest.quarantine;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;

/**
 * From and Subject of a message that may not parse as a whole, read as leniently as possible: what an admin
 * needs to recognize a quarantined message. Either is null when even that cannot be read.
 */
record HeaderGlimpse(String from, String subject) {

    static HeaderGlimpse of(byte[] raw) {
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw));
            return new HeaderGlimpse(decoded(headers.getHeader("From", ", ")), decoded(headers.getHeader("Subject", " ")));
        } catch (MessagingException | RuntimeException e) {
            return new HeaderGlimpse(null, null);
        }
    }

    private static String decoded(String value) {
        if (value == null) {
            return null;
        }
        String unfolded = MimeUtility.unfold(value).strip();
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException e) {
            return unfolded;
        }
    }
}
