package dev.relaydesk.ticket.admin;

/** The change would break the project's configuration or collide with what exists (409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
