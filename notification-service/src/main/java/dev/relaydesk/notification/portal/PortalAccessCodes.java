package dev.relaydesk.notification.portal;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * portal-service's one-time codes: the code of a request is fetched when its mail is written, so it never travels
 * in an event. 410 Gone: the request was replaced, expired or locked, and its mail is not worth sending.
 */
@RegisterRestClient(configKey = "portal-codes")
@Path("/internal/access-codes/{requestId}")
@ClientHeaderParam(name = "X-Relaydesk-Internal-Key", value = "${relaydesk.internal.api-key}")
public interface PortalAccessCodes {

    record IssuedCode(String code, Instant expiresAt) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    IssuedCode issue(@PathParam("requestId") UUID requestId);
}
