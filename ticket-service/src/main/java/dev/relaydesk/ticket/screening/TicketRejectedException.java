package dev.relaydesk.ticket.screening;

/** The screening provider refused the ticket; the message is for the client. */
public class TicketRejectedException extends RuntimeException {

    public TicketRejectedException(String message) {
        super(message, null, false, false);
    }
}
