package dev.relaydesk.testsupport;

import dev.relaydesk.localstack.testing.SharedTestStack;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Access tokens from the test Keycloak, by password grant on the public client {@code relaydesk-cli}. */
public final class KeycloakTokens {

    public static final String CLIENT_ID = "relaydesk-cli";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private KeycloakTokens() {
    }

    /** A token for a user of the shared test stack's realm, e.g. {@code accessToken("agent", "agent")}. */
    public static String accessToken(String username, String password) {
        return accessToken(SharedTestStack.endpoints().tokenUrl(), username, password);
    }

    public static String accessToken(String tokenUrl, String username, String password) {
        String form = "grant_type=password&client_id=" + CLIENT_ID
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("no token for " + username + " from " + tokenUrl + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak at " + tokenUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code "Bearer <token>"}, for an Authorization header. */
    public static String bearer(String username, String password) {
        return "Bearer " + accessToken(username, password);
    }
}
