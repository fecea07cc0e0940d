package dev.relaydesk.ticket.ticket;

import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.ticket.field.CustomFieldValues;

/** The ticket as events carry it. */
public final class TicketSnapshots {

    private TicketSnapshots() {
    }

    public static TicketSnapshot of(Ticket ticket) {
        return new TicketSnapshot(ticket.id, ticket.displayNumber(), ticket.project.key, ticket.project.name,
                ticket.project.inboundAddress, ticket.type.name, ticket.title, ticket.clientEmail, ticket.clientName,
                ticket.status, ticket.stage.name, ticket.threadMessageId, ticket.priority, ticket.clientOrganization,
                ticket.assigneeNames(), CustomFieldValues.asText(ticket.customFields), ticket.clientPhone);
    }
}
