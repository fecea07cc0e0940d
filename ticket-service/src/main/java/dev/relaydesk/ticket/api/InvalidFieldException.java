package dev.relaydesk.ticket.api;

/** A request value that passed its shape checks but makes no sense here (e.g. a stage of another project). */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
