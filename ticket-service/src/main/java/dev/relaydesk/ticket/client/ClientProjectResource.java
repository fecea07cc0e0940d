package dev.relaydesk.ticket.client;

import dev.relaydesk.ticket.project.Project;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * What portal-service needs to show a project's public web form: that the project exists, and its name
 * (behind the internal key).
 */
@Path("/internal/projects/{key}")
@Produces(MediaType.APPLICATION_JSON)
public class ClientProjectResource {

    public record ClientProject(String key, String name) {
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public ClientProject project(@PathParam("key") String key) {
        return Project.byKey(key.toUpperCase(Locale.ROOT)).map(project -> new ClientProject(project.key, project.name))
                .orElseThrow(() -> new NotFoundException("There is no project \"" + key + "\""));
    }
}
