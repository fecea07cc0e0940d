package dev.relaydesk.mailingest.http;

import dev.relaydesk.web.Problem;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards {@code /api/inbound/}: the caller presents the shared inbound secret, as
 * {@code X-Relaydesk-Inbound-Secret}, as {@code Authorization: Bearer <secret>}, or as the password of HTTP
 * Basic (what most providers' webhook URLs can carry). Runs before the body is read, and compares in
 * constant time so timing reveals nothing about the secret.
 */
public class InboundSecretFilter {

    public static final String HEADER = "X-Relaydesk-Inbound-Secret";

    // Looked up per request: filters are built at static init, before runtime configuration exists.
    private final Instance<InboundHttpConfig> config;

    InboundSecretFilter(Instance<InboundHttpConfig> config) {
        this.config = config;
    }

    @ServerRequestFilter
    public Response checkSecret(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/inbound/")) {
            return null;
        }
        String presented = presented(request);
        byte[] expected = expected();
        if (expected == null || presented == null
                || !MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            return Problem.of(Response.Status.UNAUTHORIZED, "A valid inbound secret is required.").toResponse();
        }
        return null;
    }

    private byte[] expected() {
        return config.get().httpSecret().filter(secret -> !secret.isBlank())
                .map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                .orElse(null);
    }

    private static String presented(ContainerRequestContext request) {
        String header = request.getHeaderString(HEADER);
        if (header != null) {
            return header;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return null;
        }
        String lower = authorization.toLowerCase(Locale.ROOT);
        if (lower.startsWith("bearer ")) {
            return authorization.substring("bearer ".length()).strip();
        }
        if (lower.startsWith("basic ")) {
            try {
                String userAndPassword = new String(
                        Base64.getDecoder().decode(authorization.substring("basic ".length()).strip()),
                        StandardCharsets.UTF_8);
                int colon = userAndPassword.indexOf(':');
                return colon < 0 ? null : userAndPassword.substring(colon + 1);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        return null;
    }
}
