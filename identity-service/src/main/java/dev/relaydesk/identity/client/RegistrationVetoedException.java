package dev.relaydesk.identity.client;

/** The registration provider said no; its message is for the client. Answered 422. */
public class RegistrationVetoedException extends RuntimeException {

    public RegistrationVetoedException(String message) {
        super(message, null, false, false);
    }
}
