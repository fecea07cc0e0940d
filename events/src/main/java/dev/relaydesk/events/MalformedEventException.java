package dev.relaydesk.events;

/** An event whose payload cannot be read: never retried, it goes to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
