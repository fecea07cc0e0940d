package dev.relaydesk.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards every service's {@code /internal/} API: callers (other services) present the shared internal key.
 * Compared in constant time so response timing reveals nothing about it.
 */
public class InternalApiKeyFilter {

    public static final String HEADER = "X-Relaydesk-Internal-Key";

    private final byte[] expected;

    InternalApiKeyFilter(@ConfigProperty(name = "relaydesk.internal.api-key") String apiKey) {
        this.expected = apiKey.getBytes(StandardCharsets.UTF_8);
    }

    @ServerRequestFilter
    public Response checkKey(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/internal/")) {
            return null;
        }
        String presented = request.getHeaderString(HEADER);
        if (presented == null || !MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            return Problem.of(Response.Status.UNAUTHORIZED, "A valid internal API key is required.").toResponse();
        }
        return null;
    }
}
