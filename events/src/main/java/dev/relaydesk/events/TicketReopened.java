package dev.relaydesk.events;

import java.time.Instant;
import java.util.UUID;

/** A closed ticket left the last stage again. */
public record TicketReopened(
        TicketSnapshot ticket,
        long version,
        NoteAuthor reopenedBy,
        String actor,
        Instant reopenedAt) implements TicketEvent {

    @Override
    public UUID ticketId() {
        return ticket.id();
    }
}
