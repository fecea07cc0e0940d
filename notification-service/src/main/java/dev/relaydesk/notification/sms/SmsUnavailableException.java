package dev.relaydesk.notification.sms;

/** The provider is down, overloaded or unreachable: the delivery is retried with backoff. */
public class SmsUnavailableException extends RuntimeException {

    public SmsUnavailableException(String message) {
        super(message);
    }

    public SmsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
