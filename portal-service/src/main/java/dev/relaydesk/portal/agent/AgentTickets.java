package dev.relaydesk.portal.agent;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * ticket-service's agent API, asked with the agent's own token: it alone knows which ticket types an agent may
 * work on, so a ticket it does not show the agent does not exist for the portal's agent API either.
 */
@RegisterRestClient(configKey = "tickets")
@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
public interface AgentTickets {

    @GET
    @Path("/{id}")
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = WebApplicationException.class)
    String ticket(@PathParam("id") UUID ticketId, @HeaderParam("Authorization") String authorization);
}
