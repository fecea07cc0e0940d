package dev.relaydesk.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agent edited a ticket's fields (title, priority, type, client details, custom fields); {@code ticket}
 * shows the result, {@code changes} what changed.
 */
public record TicketUpdated(
        TicketSnapshot ticket,
        long version,
        List<FieldChange> changes,
        String actor,
        Instant updatedAt) implements TicketEvent {

    /** One changed field, its values rendered as text (null when unset). */
    public record FieldChange(String field, String from, String to) {
    }

    @Override
    public UUID ticketId() {
        return ticket.id();
    }
}
