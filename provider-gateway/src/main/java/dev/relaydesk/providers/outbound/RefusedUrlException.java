package dev.relaydesk.providers.outbound;

/** A URL the gateway will not send requests to; the message says why, for the admin who entered it. */
public class RefusedUrlException extends RuntimeException {

    public RefusedUrlException(String reason) {
        super(reason);
    }
}
