package dev.relaydesk.web;

/**
 * A request value that passed its shape checks but cannot be accepted here (a stage of another project, a
 * refused URL); answered 400 naming the field.
 */
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
