package dev.relaydesk.ticket.client;

import dev.relaydesk.ticket.client.ClientProjectResource.ClientProject;
import dev.relaydesk.ticket.project.Project;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The project a registered client's "add ticket" form opens tickets in (the default one), with its custom fields
 * (behind the internal key). A path of its own: any word under /internal/projects/ could be a project's key.
 */
@Path("/internal/default-project")
@Produces(MediaType.APPLICATION_JSON)
public class DefaultProjectResource {

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public ClientProject project() {
        return ClientProject.of(Project.defaultProject());
    }
}
