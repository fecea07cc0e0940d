package dev.relaydesk.ticket.screening;

import dev.relaydesk.contracts.ScreeningDecision;
import dev.relaydesk.contracts.ScreeningDraft;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * provider-gateway's screening. The gateway bounds the external service by the admin's timeout (at most 10 s);
 * this timeout only guards against the gateway itself hanging.
 */
@RegisterRestClient(configKey = "providers")
@Path("/internal/screening")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "X-Relaydesk-Internal-Key", value = "${relaydesk.internal.api-key}")
public interface ScreeningGateway {

    @POST
    @Timeout(12_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
    ScreeningDecision screen(ScreeningDraft draft);
}
