package dev.relaydesk.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * notification-service handed a mail about a ticket to the mail server. ticket-service indexes its Message-ID,
 * so that a reply answering only our mail (not the client's original) still finds its ticket.
 *
 * @param version        the ticket version of the event that asked for the mail
 * @param messageId      the mail's Message-ID without angle brackets
 * @param kind           what the mail was (notification-service's mail kind, e.g. {@code AGENT_REPLY})
 * @param recipients     the addresses the mail went to
 * @param recipientAgent the agent's username when the mail went to an agent; null for mails to the client
 */
public record NotificationSent(
        UUID ticketId,
        long version,
        UUID deliveryId,
        String messageId,
        String kind,
        List<String> recipients,
        String recipientAgent,
        Instant sentAt) implements TicketEvent {

    public NotificationSent {
        recipients = List.copyOf(recipients);
    }
}
