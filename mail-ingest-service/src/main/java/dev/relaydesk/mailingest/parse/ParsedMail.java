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
        HeaderView headers) {

    /** Header lookup for the noise rules, without exposing the MIME object. */
    public interface HeaderView {

        /** The header's first value, or null. */
        String first(String name);

        String contentType();
    }
}
