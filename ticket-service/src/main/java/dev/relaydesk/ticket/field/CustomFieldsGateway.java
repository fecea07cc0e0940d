package dev.relaydesk.ticket.field;

import dev.relaydesk.contracts.CustomFieldSuggestions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * provider-gateway's custom-field provider: the fields of a client's ticket and their pre-filled values. The
 * gateway bounds the external service by at most 2.5 s; this timeout guards against the gateway itself hanging.
 */
@RegisterRestClient(configKey = "custom-fields")
@Path("/internal/custom-fields")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "X-Relaydesk-Internal-Key", value = "${relaydesk.internal.api-key}")
public interface CustomFieldsGateway {

    @GET
    @Timeout(3_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
    CustomFieldSuggestions fields(@QueryParam("email") String email, @QueryParam("name") String name,
            @QueryParam("project") String projectKey);
}
