package dev.relaydesk.portal.form;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * ticket-service's intake for clients' own tickets. A person waits at the form: short timeout, circuit breaker,
 * no fallback; the form says to try again and keeps what was typed. Answers of ticket-service (an unknown project,
 * a refused field) are not failures of the connection and never open the breaker.
 */
@RegisterRestClient(configKey = "tickets")
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "X-Relaydesk-Internal-Key", value = "${relaydesk.internal.api-key}")
public interface TicketIntake {

    record Project(String key, String name) {
    }

    /** A ticket as a client opens it; the request id makes a resubmitted form open it once. */
    record ClientTicket(UUID requestId, String source, String clientEmail, String clientName, String project,
            String title, String description, String clientPhone) {

        /** Without a mobile number for SMS updates. */
        public ClientTicket(UUID requestId, String source, String clientEmail, String clientName, String project,
                String title, String description) {
            this(requestId, source, clientEmail, clientName, project, title, description, null);
        }
    }

    record OpenedTicket(UUID id, String number, String projectKey) {
    }

    @GET
    @Path("/projects/{key}")
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = WebApplicationException.class)
    Project project(@PathParam("key") String key);

    @POST
    @Path("/tickets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = WebApplicationException.class)
    OpenedTicket open(ClientTicket ticket);
}
