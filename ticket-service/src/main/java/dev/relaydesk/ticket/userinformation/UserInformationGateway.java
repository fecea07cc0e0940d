package dev.relaydesk.ticket.userinformation;

import dev.relaydesk.contracts.UserInformation;
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
 * provider-gateway's user information about a client. An agent is waiting for the page: the gateway bounds the
 * external service by at most 1.2 s and this call by 1.5 s; while the gateway keeps failing, pages stop asking.
 */
@RegisterRestClient(configKey = "user-information")
@Path("/internal/user-information")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "X-Relaydesk-Internal-Key", value = "${relaydesk.internal.api-key}")
public interface UserInformationGateway {

    @GET
    @Timeout(1_500)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
    UserInformation about(@QueryParam("email") String email, @QueryParam("name") String name,
            @QueryParam("ticket") String ticketNumber, @QueryParam("project") String projectKey);
}
