package dev.relaydesk.providers.web;

/** A request value that has the right shape but cannot be accepted (a refused URL, an unknown event type). */
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
