package dev.relaydesk.notification.sms;

import dev.relaydesk.notification.delivery.UndeliverableException;

/** The provider refused the message (bad number, bad credentials, ...): no retry can help, it is given up. */
public class SmsRefusedException extends UndeliverableException {

    public SmsRefusedException(String message) {
        super(message);
    }
}
