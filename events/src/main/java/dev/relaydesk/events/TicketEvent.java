package dev.relaydesk.events;

import java.util.UUID;

/**
 * A ticket event carries the ticket's version, so a consumer that sees events of one ticket out of order
 * keeps the highest version.
 */
public interface TicketEvent extends RelaydeskEvent {

    UUID ticketId();

    long version();

    @Override
    default String key() {
        return ticketId().toString();
    }
}
