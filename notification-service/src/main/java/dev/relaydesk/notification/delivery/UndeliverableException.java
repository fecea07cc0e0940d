package dev.relaydesk.notification.delivery;

/** A delivery no retry can help (an agent Keycloak does not know, or without an address): given up at once. */
public class UndeliverableException extends RuntimeException {

    public UndeliverableException(String message) {
        super(message);
    }
}
