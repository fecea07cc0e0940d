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
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> headers) implements RelaydeskEvent {

    public MailReceived {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        recipients = List.copyOf(recipients);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A mail without headers for rules (as producers wrote it before headers were added). */
    public MailReceived(UUID mailId, String messageId, List<String> inReplyTo, List<String> references,
            String fromAddress, String fromName, List<String> recipients, String subject, String textBody,
            Instant receivedAt) {
        this(mailId, messageId, inReplyTo, references, fromAddress, fromName, recipients, subject, textBody,
                receivedAt, Map.of());
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
