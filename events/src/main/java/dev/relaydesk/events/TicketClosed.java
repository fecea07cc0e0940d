package dev.relaydesk.events;

import java.time.Instant;
import java.util.UUID;

/** A ticket reached its project's last stage, by an agent's move or the client's own closing. */
public record TicketClosed(
        TicketSnapshot ticket,
        long version,
        NoteAuthor closedBy,
        String actor,
        Instant closedAt) implements TicketEvent {

    @Override
    public UUID ticketId() {
        return ticket.id();
    }
}
