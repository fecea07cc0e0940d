package dev.relaydesk.ticket.attachment;

import dev.relaydesk.ticket.access.AgentAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * A file's download from the agent pages (the browser's web session, not a bearer token). Only for agents
 * who may see its ticket; anything else is "not found".
 */
@Path("/ui/attachments/{attachment}")
@RolesAllowed({"agent", "admin"})
public class AgentDownloadPage {

    private final AgentAccess access;
    private final Attachments attachments;

    AgentDownloadPage(AgentAccess access, Attachments attachments) {
        this.access = access;
        this.attachments = attachments;
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public Response download(@PathParam("attachment") UUID id) {
        Attachment attachment = Attachment.<Attachment>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("No attachment " + id));
        access.visibleTicket(attachment.ticketId);
        return Downloads.of(attachment, attachments.content(attachment));
    }
}
