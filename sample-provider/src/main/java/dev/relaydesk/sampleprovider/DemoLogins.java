package dev.relaydesk.sampleprovider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A company directory of one demo user, for the gateway's login contract (v1): {@code dana@example.com} with the
 * password {@code relaydesk-demo}, who exists only here, not in Keycloak, and can log in to Relay Desk through it.
 */
final class DemoLogins {

    static final String USERNAME = "dana@example.com";
    static final String PASSWORD = "relaydesk-demo";
    private static final Pattern ACTION = Pattern.compile("\"action\"\\s*:\\s*\"([a-z]+)\"");
    private static final Pattern USER = Pattern.compile("\"username\"\\s*:\\s*\"([^\"\\\\]*)\"");
    private static final Pattern PASS = Pattern.compile("\"password\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final String DANA = "{\"email\":\"dana@example.com\",\"firstName\":\"Dana\",\"lastName\":\"Demo\","
            + "\"emailVerified\":true}";

    private DemoLogins() {
    }

    /** The answer to a login request; never echoes the request. */
    static String answer(String request) {
        String action = first(ACTION, request);
        boolean known = USERNAME.equals(first(USER, request));
        if ("lookup".equals(action)) {
            return known ? "{\"result\":\"found\",\"user\":" + DANA + "}" : "{\"result\":\"unknown\"}";
        }
        if (!known) {
            return "{\"result\":\"unknown\"}";
        }
        String password = first(PASS, request);
        boolean valid = password != null && MessageDigest.isEqual(PASSWORD.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
        return valid ? "{\"result\":\"valid\",\"user\":" + DANA + "}" : "{\"result\":\"invalid\"}";
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
