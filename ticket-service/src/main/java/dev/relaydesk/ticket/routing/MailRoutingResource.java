package dev.relaydesk.ticket.routing;

import dev.relaydesk.ticket.project.Project;
import dev.relaydesk.web.InvalidFieldException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/** Admins choose the project that registered clients' new mail goes to (none: the default project). */
@Path("/api/admin/mail-routing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Transactional
public class MailRoutingResource {

    /** @param registeredClientsProject a project key, or null to send registered clients' mail like anyone's */
    public record MailRoutingView(String registeredClientsProject, Instant updatedAt) {

        static MailRoutingView of(MailRouting routing) {
            Project project = routing.registeredClientsProject;
            return new MailRoutingView(project == null ? null : project.key, routing.updatedAt);
        }
    }

    public record EditMailRouting(String registeredClientsProject) {
    }

    @GET
    public MailRoutingView current() {
        return MailRoutingView.of(MailRouting.current());
    }

    @PUT
    public MailRoutingView edit(@NotNull EditMailRouting request) {
        MailRouting routing = MailRouting.current();
        String key = request.registeredClientsProject();
        routing.registeredClientsProject = key == null || key.isBlank() ? null : Project.byKey(key.strip())
                .orElseThrow(() -> new InvalidFieldException("registeredClientsProject",
                        "There is no project \"" + key.strip() + "\""));
        routing.updatedAt = Instant.now();
        return MailRoutingView.of(routing);
    }
}
