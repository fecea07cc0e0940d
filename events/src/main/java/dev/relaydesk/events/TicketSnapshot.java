package dev.relaydesk.events;

import java.util.List;
import java.util.UUID;

/**
 * What a ticket looks like right after a change, as carried by the ticket events added after the first
 * two: consumers need no call back to ticket-service.
 *
 * @param assignees the usernames of the agents the ticket is assigned to (empty when nobody has it)
 */
public record TicketSnapshot(
        UUID id,
        String number,
        String projectKey,
        String projectName,
        String projectAddress,
        String type,
        String title,
        String clientEmail,
        String clientName,
        TicketStatus status,
        String stage,
        String threadMessageId,
        TicketPriority priority,
        String clientOrganization,
        List<String> assignees) {
}
