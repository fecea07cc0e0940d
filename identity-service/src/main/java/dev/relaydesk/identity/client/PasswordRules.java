package dev.relaydesk.identity.client;

import java.util.Locale;
import java.util.Optional;

/** What a client's password must be: long enough, and not guessable from the account's own email. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordRules() {
    }

    /** Why the password is refused, or empty when it is fine. */
    public static Optional<String> problem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Choose a password.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Choose a password of at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Choose a password of at most " + MAX_LENGTH + " characters.");
        }
        if (password.codePoints().distinct().count() < 4) {
            return Optional.of("Choose a password with more different characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String localPart = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@", 2)[0];
        if (localPart.length() >= 3 && lower.contains(localPart)) {
            return Optional.of("Choose a password that does not contain your email address.");
        }
        return Optional.empty();
    }
}
