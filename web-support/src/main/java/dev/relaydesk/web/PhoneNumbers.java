package dev.relaydesk.web;

import java.util.regex.Pattern;

/**
 * Mobile numbers SMS go to: E.164 only ("+" then up to 15 digits, no leading zero), never guessed from local
 * forms. People type spaces, dashes, dots and brackets between the digits; those are dropped, nothing else is.
 */
public final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()/]");

    private PhoneNumbers() {
    }

    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }

    /**
     * @return the number in E.164 form, or null when none was given (null or blank)
     * @throws InvalidFieldException naming {@code field} when it is not an international number
     */
    public static String normalized(String field, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String number = SEPARATORS.matcher(typed.strip()).replaceAll("");
        if (!isE164(number)) {
            throw new InvalidFieldException(field, "A mobile number is written in international form: + country code"
                    + " and number (+4915112345678).");
        }
        return number;
    }
}
