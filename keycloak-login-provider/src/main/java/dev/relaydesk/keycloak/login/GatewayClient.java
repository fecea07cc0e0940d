package dev.relaydesk.keycloak.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * provider-gateway's login API ({@code POST /internal/login/lookup} and {@code /internal/login/verify}, internal
 * key). The gateway owns the external service's URL, secret, signing and circuit breaker; this side only bounds the
 * wait. Any failure is "unknown user" or "wrong password": a login never ends on an error page because of it.
 */
final class GatewayClient {

    /**
     * What the gateway said: {@code ok} is "known" for a lookup and "valid" for a verification. {@code answered} is
     * false when there was no usable answer (gateway or external service down, slow, or answering garbage): then
     * {@code ok} is false too, but nobody said "unknown".
     */
    record Outcome(boolean ok, boolean answered, String email, String firstName, String lastName, boolean emailVerified,
            String role) {

        /** The gateway answered: the external service does not know the user, or the password is wrong. */
        static final Outcome NO = new Outcome(false, true, null, null, null, false, null);
        static final Outcome UNAVAILABLE = new Outcome(false, false, null, null, null, false, null);
    }

    static final String KEY_HEADER = "X-Relaydesk-Internal-Key";
    private static final Logger LOG = Logger.getLogger(GatewayClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ANSWER_BYTES = 16 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final URI lookup;
    private final URI verify;
    private final String key;
    private final Duration timeout;

    GatewayClient(String gatewayUrl, String key, Duration timeout) {
        String base = gatewayUrl.endsWith("/") ? gatewayUrl.substring(0, gatewayUrl.length() - 1) : gatewayUrl;
        this.lookup = URI.create(base + "/internal/login/lookup");
        this.verify = URI.create(base + "/internal/login/verify");
        this.key = key == null ? "" : key;
        this.timeout = timeout;
    }

    Outcome lookup(String username) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("username", username);
        return ask(lookup, body, username);
    }

    Outcome verify(String username, String password) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password);
        return ask(verify, body, username);
    }

    private Outcome ask(URI target, Map<String, String> body, String username) {
        try {
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header(KEY_HEADER, key)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                LOG.warnf("Relay Desk login: %s answered HTTP %d for %s", target, response.statusCode(), username);
                return Outcome.UNAVAILABLE;
            }
            if (response.body().length > MAX_ANSWER_BYTES) {
                LOG.warnf("Relay Desk login: %s answered more than %d bytes", target, MAX_ANSWER_BYTES);
                return Outcome.UNAVAILABLE;
            }
            return read(JSON.readTree(response.body()));
        } catch (IOException | RuntimeException e) { // never the body: it may hold the password
            LOG.warnf("Relay Desk login: %s not usable for %s (%s)", target, username, e.getClass().getSimpleName());
            return Outcome.UNAVAILABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.UNAVAILABLE;
        }
    }

    /** {@code ok: false} with a {@code reason} is the gateway saying the external service gave no usable answer. */
    private static Outcome read(JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            return Outcome.UNAVAILABLE;
        }
        if (!answer.path("ok").asBoolean(false)) {
            return answer.hasNonNull("reason") ? Outcome.UNAVAILABLE : Outcome.NO;
        }
        return new Outcome(true, true, text(answer, "email"), text(answer, "firstName"), text(answer, "lastName"),
                answer.path("emailVerified").asBoolean(false), text(answer, "role"));
    }

    private static String text(JsonNode answer, String field) {
        JsonNode value = answer.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText().strip();
    }
}
