package dev.relaydesk.notification.sms;

/** Numbers SMS go to: E.164 only, by the rules every service shares ({@link dev.relaydesk.web.PhoneNumbers}). */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    public static boolean isE164(String number) {
        return dev.relaydesk.web.PhoneNumbers.isE164(number);
    }
}
