package dev.relaydesk.ticket.ticket;

/** The caller acted on a version of the ticket that someone else has changed since. */
public class StaleTicketException extends RuntimeException {

    public StaleTicketException(String number, long expected, long actual) {
        super("Ticket " + number + " was changed by someone else (you had version " + expected + ", it is now "
                + actual + "). Reload it and try again.");
    }
}
