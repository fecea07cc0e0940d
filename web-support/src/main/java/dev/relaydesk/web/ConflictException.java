package dev.relaydesk.web;

/** The change would collide with what exists or break a rule of the configuration; answered 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
