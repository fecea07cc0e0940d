package dev.relaydesk.portal.registration;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * identity-service's client registration. A person waits at the form: timeout, circuit breaker, no fallback; the
 * page says to try again. Its answers (a taken email, a weak password) are not connection failures and never open
 * the breaker.
 */
@RegisterRestClient(configKey = "identity")
@Path("/internal/clients")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "X-Relaydesk-Internal-Key", value = "${relaydesk.internal.api-key}")
public interface IdentityClients {

    record NewClient(String email, String firstName, String lastName, String password) {
    }

    record Registered(String id, String email) {
    }

    @POST
    @Timeout(15000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = WebApplicationException.class)
    Registered register(NewClient client);
}
