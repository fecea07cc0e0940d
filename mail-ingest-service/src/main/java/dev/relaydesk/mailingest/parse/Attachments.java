package dev.relaydesk.mailingest.parse;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files a mail carries: parts marked as attachments, and any other part that is not the text of the mail
 * (inline images, forwarded mails, files a client sent without a disposition). Sizes are decoded sizes.
 */
final class Attachments {

    /** A mail listing more files than this is summarized by its first ones. */
    static final int MAX_LISTED = 50;

    private Attachments() {
    }

    /** The files found; a broken MIME structure (the text may still be readable) ends the list where it breaks. */
    static List<ParsedMail.AttachmentInfo> of(Part message) {
        List<ParsedMail.AttachmentInfo> found = new ArrayList<>();
        try {
            collect(message, true, found);
        } catch (MessagingException | IOException | RuntimeException broken) {
            // what was found so far is still worth telling agents about
        }
        return found;
    }

    private static void collect(Part part, boolean top, List<ParsedMail.AttachmentInfo> found)
            throws MessagingException, IOException {
        if (found.size() >= MAX_LISTED) {
            return;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), false, found);
            }
            return;
        }
        if (top || !isFile(part)) {
            return;
        }
        found.add(new ParsedMail.AttachmentInfo(filename(part), baseType(part), decodedSize(part)));
    }

    /** Text parts without a name or an attachment disposition are the mail's own words (its text or HTML body). */
    private static boolean isFile(Part part) throws MessagingException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || rawFilename(part) != null) {
            return true;
        }
        return !part.isMimeType("text/plain") && !part.isMimeType("text/html") && !part.isMimeType("text/enriched");
    }

    private static String filename(Part part) throws MessagingException {
        String name = rawFilename(part);
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        if (part.isMimeType("message/rfc822")) {
            return "forwarded-mail.eml";
        }
        return "unnamed";
    }

    private static String rawFilename(Part part) throws MessagingException {
        String name;
        try {
            name = part.getFileName();
        } catch (MessagingException unreadable) {
            return null;
        }
        if (name == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(name); // some clients RFC 2047-encode the filename parameter
        } catch (UnsupportedEncodingException unknownCharset) {
            return name;
        }
    }

    private static String baseType(Part part) throws MessagingException {
        String type = part.getContentType();
        if (type == null) {
            return "application/octet-stream";
        }
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }

    /** Counts the decoded bytes without keeping them; a part that cannot be decoded counts its encoded size. */
    private static long decodedSize(Part part) throws MessagingException {
        if (part instanceof Message) {
            return Math.max(0, part.getSize());
        }
        try (InputStream in = part.getInputStream()) {
            return in.transferTo(OutputStreamSink.INSTANCE);
        } catch (IOException | MessagingException undecodable) {
            return Math.max(0, part.getSize());
        }
    }

    private static final class OutputStreamSink extends java.io.OutputStream {

        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
