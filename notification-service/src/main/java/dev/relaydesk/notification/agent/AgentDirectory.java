package dev.relaydesk.notification.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Agents' addresses from Keycloak's admin API, as the service account of client
 * {@code relaydesk-notification} (realm-management role {@code view-users} only). No fallback: a mail to an
 * agent waits for its retry while Keycloak is unreachable.
 */
@ApplicationScoped
public class AgentDirectory {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String tokenUrl;
    private final String usersUrl;
    private final String clientId;
    private final String clientSecret;

    private volatile String token;
    private volatile Instant tokenExpiresAt = Instant.EPOCH;

    AgentDirectory(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl,
            @ConfigProperty(name = "relaydesk.notification.keycloak.client-id") String clientId,
            @ConfigProperty(name = "relaydesk.notification.keycloak.client-secret") String clientSecret) {
        String realm = realmUrl.replaceAll("/+$", "");
        this.tokenUrl = realm + "/protocol/openid-connect/token";
        this.usersUrl = realm.replace("/realms/", "/admin/realms/") + "/users";
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** The agent with exactly this username, if Keycloak has one. */
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    public Optional<AgentContact> find(String username) {
        String url = usersUrl + "?exact=true&briefRepresentation=false&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8);
        JsonNode users = call(HttpRequest.newBuilder(URI.create(url)).GET()
                .header("Authorization", "Bearer " + token()).header("Accept", "application/json"));
        for (JsonNode user : users) {
            if (username.equalsIgnoreCase(user.path("username").asText())) {
                return Optional.of(contact(user));
            }
        }
        return Optional.empty();
    }

    private static AgentContact contact(JsonNode user) {
        String email = user.path("email").asText(null);
        String name = (user.path("firstName").asText("") + " " + user.path("lastName").asText("")).strip();
        JsonNode locale = user.path("attributes").path("locale");
        return new AgentContact(user.path("username").asText(), email == null || email.isBlank() ? null : email,
                name.isEmpty() ? user.path("username").asText() : name,
                locale.isArray() && !locale.isEmpty() ? locale.get(0).asText() : null);
    }

    /** A client-credentials token, reused until shortly before it expires. */
    private String token() {
        if (token != null && Instant.now().isBefore(tokenExpiresAt)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        JsonNode answer = call(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        token = answer.path("access_token").asText();
        tokenExpiresAt = Instant.now().plusSeconds(Math.max(0, answer.path("expires_in").asLong(60) - 30));
        return token;
    }

    private JsonNode call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(CALL_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                tokenExpiresAt = Instant.EPOCH;
            }
            if (response.statusCode() != 200) {
                // the body is not logged or kept: a token endpoint's error may echo request details
                throw new IllegalStateException("Keycloak answered HTTP " + response.statusCode() + " to "
                        + request.build().uri().getPath());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
