package dev.relaydesk.ticket.attachment;

import dev.relaydesk.ticket.access.AgentAccess;
import dev.relaydesk.ticket.ticket.Ticket;
import dev.relaydesk.web.InvalidFieldException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Files on a ticket, for agents who may see it: upload one (multipart field {@code file}), then name its id in
 * a note's {@code attachmentIds}; list them; download one.
 */
@Path("/api/tickets/{id}/attachments")
@RolesAllowed({"agent", "admin"})
@Transactional
public class AttachmentResource {

    private final AgentAccess access;
    private final Attachments attachments;

    AttachmentResource(AgentAccess access, Attachments attachments) {
        this.access = access;
        this.attachments = attachments;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<AttachmentView> upload(@PathParam("id") UUID id, @RestForm("file") FileUpload file,
            @Context UriInfo uri) {
        Ticket ticket = access.visibleTicket(id);
        if (file == null) {
            throw new InvalidFieldException("file", "Send the file as the multipart field \"file\"");
        }
        Attachment stored = attachments.store(ticket.id, file.fileName(), file.contentType(), file.uploadedFile(),
                access.username());
        return RestResponse.ResponseBuilder.<AttachmentView>created(
                uri.getAbsolutePathBuilder().path(stored.id.toString()).build()).entity(AttachmentView.of(stored)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AttachmentView> list(@PathParam("id") UUID id) {
        return Attachment.ofTicket(access.visibleTicket(id).id).stream().map(AttachmentView::of).toList();
    }

    @GET
    @Path("/{attachment}")
    @Transactional(Transactional.TxType.SUPPORTS)
    public Response download(@PathParam("id") UUID id, @PathParam("attachment") UUID attachmentId) {
        Ticket ticket = access.visibleTicket(id);
        Attachment attachment = Attachment.<Attachment>findByIdOptional(attachmentId)
                .filter(found -> found.ticketId.equals(ticket.id))
                .orElseThrow(() -> new NotFoundException("No attachment " + attachmentId + " on this ticket"));
        return Downloads.of(attachment, attachments.content(attachment));
    }
}
