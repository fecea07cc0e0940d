package dev.relaydesk.notification.sms;

import java.util.regex.Pattern;

/** Numbers SMS go to: E.164 only ("+" then up to 15 digits, no leading zero), never guessed from local forms. */
public final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    private PhoneNumbers() {
    }

    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }
}
