package dev.relaydesk.identity.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keycloak's admin API as the service account of client {@code relaydesk-identity} (realm-management roles
 * manage-users, view-users, view-realm). Request and answer bodies are never logged: they carry passwords and
 * personal data.
 */
@ApplicationScoped
public class KeycloakUsers {

    /** Keycloak already has a user with this username or email. */
    public static class AlreadyExistsException extends RuntimeException {
        AlreadyExistsException() {
            super("exists", null, false, false);
        }
    }

    /** Keycloak refused the user for a reason the caller can fix (e.g. the realm's password policy). */
    public static class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message, null, false, false);
        }
    }

    private static final Logger LOG = Logger.getLogger(KeycloakUsers.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String tokenUrl;
    private final String adminUrl;
    private final String clientId;
    private final String clientSecret;

    private volatile String token;
    private volatile Instant tokenExpiresAt = Instant.EPOCH;

    KeycloakUsers(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl,
            @ConfigProperty(name = "relaydesk.identity.keycloak.client-id") String clientId,
            @ConfigProperty(name = "relaydesk.identity.keycloak.client-secret") String clientSecret) {
        String realm = realmUrl.replaceAll("/+$", "");
        this.tokenUrl = realm + "/protocol/openid-connect/token";
        this.adminUrl = realm.replace("/realms/", "/admin/realms/");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /**
     * Creates an enabled user with a verified email, a permanent password and the given realm role; returns its
     * Keycloak id. A user left without its role (the role mapping failed) is deleted again, so a retry starts clean.
     */
    public String create(String email, String firstName, String lastName, String password, String realmRole) {
        ObjectNode user = json.createObjectNode()
                .put("username", email)
                .put("email", email)
                .put("emailVerified", true)
                .put("enabled", true)
                .put("firstName", firstName)
                .put("lastName", lastName);
        user.putArray("requiredActions");
        user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        HttpResponse<String> created = send(authorized(adminUrl + "/users")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user.toString())));
        if (created.statusCode() == 409) {
            throw new AlreadyExistsException();
        }
        if (created.statusCode() == 400) {
            throw new RefusedException(errorMessage(created.body()));
        }
        expect(created, 201, "/users");
        String location = created.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Keycloak created a user without a Location"));
        String id = location.substring(location.lastIndexOf('/') + 1);
        try {
            HttpResponse<String> role = send(authorized(adminUrl + "/roles/" + URLEncoder.encode(realmRole,
                    StandardCharsets.UTF_8).replace("+", "%20")).GET());
            expect(role, 200, "/roles");
            HttpResponse<String> mapped = send(authorized(adminUrl + "/users/" + id + "/role-mappings/realm")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("[" + role.body() + "]")));
            expect(mapped, 204, "/role-mappings/realm");
            return id;
        } catch (RuntimeException e) {
            deleteQuietly(id);
            throw e;
        }
    }

    private void deleteQuietly(String id) {
        try {
            send(authorized(adminUrl + "/users/" + id).DELETE());
        } catch (RuntimeException e) {
            LOG.warnf("User %s was left without its role and could not be deleted: %s", id, e.getMessage());
        }
    }

    private String errorMessage(String body) {
        try {
            JsonNode answer = json.readTree(body);
            String message = answer.path("errorMessage").asText(answer.path("error_description").asText(""));
            return message.isBlank() ? "Keycloak refused the account." : message;
        } catch (IOException e) {
            return "Keycloak refused the account.";
        }
    }

    private HttpRequest.Builder authorized(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
    }

    /** A client-credentials token, reused until shortly before it expires. */
    private String token() {
        if (token != null && Instant.now().isBefore(tokenExpiresAt)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        expect(answer, 200, "token endpoint");
        try {
            JsonNode body = json.readTree(answer.body());
            token = body.path("access_token").asText();
            tokenExpiresAt = Instant.now().plusSeconds(Math.max(0, body.path("expires_in").asLong(60) - 30));
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak's token answer is not JSON", e);
        }
    }

    private void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() == 401) {
            tokenExpiresAt = Instant.EPOCH;
        }
        if (response.statusCode() != status) {
            // the body is not logged or kept: it may echo request details
            throw new IllegalStateException("Keycloak answered HTTP " + response.statusCode() + " at " + what);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(CALL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
