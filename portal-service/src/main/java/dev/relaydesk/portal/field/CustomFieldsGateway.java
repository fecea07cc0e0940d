package dev.relaydesk.portal.field;

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
 * provider-gateway's custom-field provider, asked when a logged-in client opens "add ticket": which extra fields
 * to show this client and their pre-filled values. The form waits for it at most 1.5 s (then it shows without
 * them), and a gateway that keeps failing is not asked for a while.
 */
@RegisterRestClient(configKey = "custom-fields")
@Path("/internal/custom-fields")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "X-Relaydesk-Internal-Key", value = "${relaydesk.internal.api-key}")
public interface CustomFieldsGateway {

    @GET
    @Timeout(1_500)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
    CustomFieldSuggestions fields(@QueryParam("email") String email, @QueryParam("name") String name,
            @QueryParam("project") String projectKey);
}
