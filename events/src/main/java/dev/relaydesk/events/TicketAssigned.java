package dev.relaydesk.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket's assignees changed (claimed, assigned, unassigned); {@code ticket.assignees} is the new set.
 */
public record TicketAssigned(
        TicketSnapshot ticket,
        long version,
        List<String> previousAssignees,
        String actor,
        Instant assignedAt) implements TicketEvent {

    @Override
    public UUID ticketId() {
        return ticket.id();
    }
}
