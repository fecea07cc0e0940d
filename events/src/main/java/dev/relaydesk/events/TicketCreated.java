package dev.relaydesk.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket was opened. Self-contained: consumers need no call back to ticket-service.
 *
 * @param threadMessageId the Message-ID that opened the thread (the client's mail), for In-Reply-To on replies
 * @param projectAddress  the project's inbound address, which mail to the client replies to
 */
public record TicketCreated(
        UUID ticketId,
        long version,
        String number,
        String projectKey,
        String projectName,
        String projectAddress,
        String title,
        String description,
        String clientEmail,
        String clientName,
        TicketStatus status,
        String stage,
        TicketSource source,
        String threadMessageId,
        Instant createdAt,
        String type,
        TicketPriority priority,
        String clientOrganization) implements TicketEvent {
}
