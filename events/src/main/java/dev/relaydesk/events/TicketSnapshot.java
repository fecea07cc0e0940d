package dev.relaydesk.events;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a ticket looks like right after a change, as carried by the ticket events added after the first
 * two: consumers need no call back to ticket-service.
 *
 * @param assignees    the usernames of the agents the ticket is assigned to (empty when nobody has it)
 * @param customFields the ticket's custom-field values by field key, rendered as text (numbers plain, dates ISO);
 *                     null in events written before it existed
 * @param clientPhone  the client's mobile number for SMS (E.164), null when they gave none or in older events
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
        List<String> assignees,
        Map<String, String> customFields,
        String clientPhone) {

    /** As producers wrote it before {@code customFields} and {@code clientPhone} existed. */
    public TicketSnapshot(UUID id, String number, String projectKey, String projectName, String projectAddress,
            String type, String title, String clientEmail, String clientName, TicketStatus status, String stage,
            String threadMessageId, TicketPriority priority, String clientOrganization, List<String> assignees) {
        this(id, number, projectKey, projectName, projectAddress, type, title, clientEmail, clientName, status, stage,
                threadMessageId, priority, clientOrganization, assignees, null, null);
    }
}
