package dev.relaydesk.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An inbound mail that mail-ingest stored raw and parsed. The raw message stays in mail-ingest; this carries
 * what ticket-service needs to make a ticket or a note of it.
 *
 * @param messageId   the mail's Message-ID without angle brackets (generated when the mail had none)
 * @param inReplyTo   Message-IDs from In-Reply-To, without angle brackets
 * @param references  Message-IDs from References, oldest first, without angle brackets
 * @param recipients  every address the mail was sent to that belongs to the platform (To, Cc and envelope)
 * @param headers     the mail's other headers (name in lower case, first value, decoded and unfolded) for rules
 *                    that match on a header; empty from producers that predate it (added later, omitted when empty)
 * @param attachments the mail's attachments and inline files as mail-ingest saw them (added later, omitted when
 *                    empty): the files themselves stay in the raw message that mail-ingest keeps
 */
public record MailReceived(
        UUID mailId,
        String messageId,
        List<String> inReplyTo,
        List<String> references,
        String fromAddress,
        String fromName,
        List<String> recipients,
        String subject,
        String textBody,
        Instant receivedAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> headers,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Attachment> attachments) implements RelaydeskEvent {

    /**
     * A file the mail carried.
     *
     * @param sizeBytes     decoded size
     * @param refusedReason why it cannot go on a ticket (e.g. above the size limit for one attachment), or null
     */
    public record Attachment(String filename, String contentType, long sizeBytes, String refusedReason) {
    }

    public MailReceived {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        recipients = List.copyOf(recipients);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A mail without attachment details (as producers wrote it before they were added). */
    public MailReceived(UUID mailId, String messageId, List<String> inReplyTo, List<String> references,
            String fromAddress, String fromName, List<String> recipients, String subject, String textBody,
            Instant receivedAt, Map<String, String> headers) {
        this(mailId, messageId, inReplyTo, references, fromAddress, fromName, recipients, subject, textBody,
                receivedAt, headers, List.of());
    }

    /** A mail without headers for rules (as producers wrote it before headers were added). */
    public MailReceived(UUID mailId, String messageId, List<String> inReplyTo, List<String> references,
            String fromAddress, String fromName, List<String> recipients, String subject, String textBody,
            Instant receivedAt) {
        this(mailId, messageId, inReplyTo, references, fromAddress, fromName, recipients, subject, textBody,
                receivedAt, Map.of(), List.of());
    }

    /** The header's value (case-insensitive name), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String key() {
        return mailId.toString();
    }
}
