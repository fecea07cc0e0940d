package dev.relaydesk.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A ticket was opened. Self-contained: consumers need no call back to ticket-service.
 *
 * @param threadMessageId the Message-ID that opened the thread (the client's mail), for In-Reply-To on replies
 * @param projectAddress  the project's inbound address, which mail to the client replies to
 * @param agentsToNotify  usernames of the agents to tell of the new ticket (those with access to its type where
 *                        the type says "notify on new ticket"); null or empty in events written before it existed
 * @param customFields    the ticket's custom-field values by field key, rendered as text (numbers plain, dates ISO);
 *                        null in events written before it existed
 * @param clientPhone     the client's mobile number for SMS (E.164); null when they gave none or in older events
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
        String clientOrganization,
        List<String> agentsToNotify,
        Map<String, String> customFields,
        String clientPhone) implements TicketEvent {

    /** As producers wrote it before {@code customFields} and {@code clientPhone} existed. */
    public TicketCreated(UUID ticketId, long version, String number, String projectKey, String projectName,
            String projectAddress, String title, String description, String clientEmail, String clientName,
            TicketStatus status, String stage, TicketSource source, String threadMessageId, Instant createdAt,
            String type, TicketPriority priority, String clientOrganization, List<String> agentsToNotify) {
        this(ticketId, version, number, projectKey, projectName, projectAddress, title, description, clientEmail,
                clientName, status, stage, source, threadMessageId, createdAt, type, priority, clientOrganization,
                agentsToNotify, null, null);
    }

    /** As producers wrote it before {@code agentsToNotify} existed: nobody to notify. */
    public TicketCreated(UUID ticketId, long version, String number, String projectKey, String projectName,
            String projectAddress, String title, String description, String clientEmail, String clientName,
            TicketStatus status, String stage, TicketSource source, String threadMessageId, Instant createdAt,
            String type, TicketPriority priority, String clientOrganization) {
        this(ticketId, version, number, projectKey, projectName, projectAddress, title, description, clientEmail,
                clientName, status, stage, source, threadMessageId, createdAt, type, priority, clientOrganization, null, null, null);
    }
}
