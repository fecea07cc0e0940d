package dev.relaydesk.events;

import java.time.Instant;
import java.util.UUID;

/** A ticket moved between workflow stages (board columns); {@code ticket.stage} is the new one. */
public record TicketStageChanged(
        TicketSnapshot ticket,
        long version,
        String fromStage,
        String actor,
        Instant changedAt) implements TicketEvent {

    @Override
    public UUID ticketId() {
        return ticket.id();
    }
}
