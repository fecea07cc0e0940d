package dev.relaydesk.mailingest.parse;

import java.util.List;

/** What the platform reads from a mail; Message-IDs are without angle brackets. */
public record ParsedMail(
        String messageId,
        List<String> inReplyTo,
        List<String> references,
        String fromAddress,
        String fromName,
        List<String> recipients,
        String subject,
        String textBody,
        HeaderView headers,
        List<AttachmentInfo> attachments) {

    /** A file the mail carries (name as sent, base MIME type, decoded size). */
    public record AttachmentInfo(String filename, String contentType, long sizeBytes) {
    }

    /** Header lookup for the noise rules, without exposing the MIME object. */
    public interface HeaderView {

        /** The header's first value, or null. */
        String first(String name);

        /**
         * The headers rules in ticket-service may match on: name in lower case, first value decoded and unfolded;
         * trace and signature headers (Received, DKIM, ARC) left out, values and count bounded.
         */
        java.util.Map<String, String> forRules();

        String contentType();
    }
}
