package dev.relaydesk.providers.web;

/** The request is valid but the resource is not in a state that allows it. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
