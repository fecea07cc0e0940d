package dev.relaydesk.portal.action;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import dev.relaydesk.portal.form.TicketIntake.ProjectField;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Map;
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

    /** A change of details; null leaves a detail as it is, a blank custom field value clears it. */
    record ClientEdit(UUID requestId, String clientEmail, String priority, String type, Map<String, Object> customFields) {
    }

    /** The ticket's details as ticket-service holds them, with the project's types and custom fields. */
    record ClientDetails(String priority, String type, List<String> types, Map<String, Object> customFields,
            List<ProjectField> fields) {

        public ClientDetails {
            types = types == null ? List.of() : List.copyOf(types);
            customFields = customFields == null ? Map.of() : customFields;
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    /** For the edit form of the link page: it waits at most 2 s, then shows without what needs this. */
    @GET
    @Timeout(2000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    ClientDetails details(@PathParam("id") UUID ticketId, @QueryParam("clientEmail") String clientEmail);

    @POST
    @Path("/details")
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = WebApplicationException.class)
    void edit(@PathParam("id") UUID ticketId, ClientEdit edit);

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
