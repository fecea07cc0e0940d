package dev.relaydesk.portal.action;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * ticket-service's client commands. A person waits for these: short timeout, circuit breaker, and no
 * fallback; the page tells the client to try again and keeps what they typed.
 */
@RegisterRestClient(configKey = "tickets")
@Path("/internal/tickets/{id}/client")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "X-Relaydesk-Internal-Key", value = "${relaydesk.internal.api-key}")
public interface TicketCommands {

    record ClientNote(UUID requestId, String clientEmail, String body) {
    }

    record ClientAction(UUID requestId, String clientEmail) {
    }

    @POST
    @Path("/notes")
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    void comment(@PathParam("id") UUID ticketId, ClientNote note);

    @POST
    @Path("/close")
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    void close(@PathParam("id") UUID ticketId, ClientAction action);

    @POST
    @Path("/reopen")
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    void reopen(@PathParam("id") UUID ticketId, ClientAction action);
}
