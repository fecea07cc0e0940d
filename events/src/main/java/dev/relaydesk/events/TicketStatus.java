package dev.relaydesk.events;

/** What a client may know of a ticket's state; the internal stage is separate. */
public enum TicketStatus {
    OPEN,
    CLOSED
}
