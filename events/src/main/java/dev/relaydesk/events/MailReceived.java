package dev.relaydesk.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An inbound mail that mail-ingest stored raw and parsed. The raw message stays in mail-ingest; this carries
 * what ticket-service needs to make a ticket or a note of it.
 *
 * @param messageId   the mail's Message-ID without angle brackets (generated when the mail had none)
 * @param inReplyTo   Message-IDs from In-Reply-To, without angle brackets
 * @param references  Message-IDs from References, oldest first, without angle brackets
 * @param recipients  every address the mail was sent to that belongs to the platform (To, Cc and envelope)
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
        Instant receivedAt) implements RelaydeskEvent {

    public MailReceived {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        recipients = List.copyOf(recipients);
    }

    @Override
    public String key() {
        return mailId.toString();
    }
}
