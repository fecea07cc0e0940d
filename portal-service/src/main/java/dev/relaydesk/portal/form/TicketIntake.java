package dev.relaydesk.portal.form;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
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

    /**
     * @param customFields the project's custom fields, in their order (none when ticket-service does not say)
     * @param types        the names of the project's ticket types (none when ticket-service does not say)
     * @param defaultType  the type of a ticket opened without one
     */
    record Project(String key, String name, List<ProjectField> customFields, List<String> types, String defaultType) {

        public Project {
            customFields = customFields == null ? List.of() : List.copyOf(customFields);
            types = types == null ? List.of() : List.copyOf(types);
        }
    }

    /** One of a project's custom fields: type TEXT, NUMBER, DATE or SELECT (with its options). */
    record ProjectField(String key, String label, String type, boolean required, List<String> options) {

        public ProjectField {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    /**
     * A ticket as a client opens it; the request id makes a resubmitted form open it once.
     *
     * @param customFields values the client gave (ticket-service checks them against the project's fields)
     * @param clientPhone  a mobile number for SMS updates (E.164), or null
     * @param type         one of the project's ticket types, or null for its default type
     */
    record ClientTicket(UUID requestId, String source, String clientEmail, String clientName, String project,
            String title, String description, Map<String, Object> customFields, String clientPhone, String type) {
    }

    record OpenedTicket(UUID id, String number, String projectKey) {
    }

    @GET
    @Path("/projects/{key}")
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = WebApplicationException.class)
    Project project(@PathParam("key") String key);

    /** The project of tickets opened without one (a logged-in client's "add ticket"). */
    @GET
    @Path("/default-project")
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = WebApplicationException.class)
    Project defaultProject();

    @POST
    @Path("/tickets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = WebApplicationException.class)
    OpenedTicket open(ClientTicket ticket);
}
