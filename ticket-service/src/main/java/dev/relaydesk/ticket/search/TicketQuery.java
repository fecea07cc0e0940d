package dev.relaydesk.ticket.search;

import dev.relaydesk.events.TicketPriority;
import dev.relaydesk.events.TicketStatus;

/**
 * What an agent filters the ticket list by; every field is optional.
 *
 * @param assignee a username, or {@link #NOBODY} for unassigned tickets
 * @param text     full-text search over title, description, client and notes, or a ticket number
 */
public record TicketQuery(String project, String stage, TicketStatus status, String assignee, String type,
        Boolean unread, String clientEmail, TicketPriority priority, String text, Order order) {

    public static final String NOBODY = "none";

    /** Newest activity first (the inbox) or newest tickets first. */
    public enum Order {
        UPDATED("updated_at"),
        CREATED("created_at");

        final String column;

        Order(String column) {
            this.column = column;
        }
    }
}
