package dev.relaydesk.ticket.attachment;

import dev.relaydesk.ticket.client.ClientTickets;
import dev.relaydesk.ticket.note.Note;
import dev.relaydesk.ticket.ticket.Ticket;
import dev.relaydesk.web.InvalidFieldException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Files on a client's own ticket, for portal-service acting for the client (behind the internal key): upload
 * one to send with a comment, download one the client may see: those on public notes and the client's own.
 */
@Path("/internal/tickets/{id}/client/attachments")
@Transactional
public class ClientAttachmentResource {

    private final Attachments attachments;

    ClientAttachmentResource(Attachments attachments) {
        this.attachments = attachments;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<AttachmentView> upload(@PathParam("id") UUID id, @RestForm String clientEmail,
            @RestForm("file") FileUpload file) {
        Ticket ticket = ClientTickets.own(id, clientEmail);
        if (file == null) {
            throw new InvalidFieldException("file", "Send the file as the multipart field \"file\"");
        }
        Attachment stored = attachments.store(ticket.id, file.fileName(), file.contentType(), file.uploadedFile(),
                ticket.clientEmail);
        return RestResponse.status(RestResponse.Status.CREATED, AttachmentView.of(stored));
    }

    @GET
    @Path("/{attachment}")
    @Transactional(Transactional.TxType.SUPPORTS)
    public Response download(@PathParam("id") UUID id, @PathParam("attachment") UUID attachmentId,
            @QueryParam("clientEmail") String clientEmail) {
        Ticket ticket = ClientTickets.own(id, clientEmail);
        Attachment attachment = Attachment.<Attachment>findByIdOptional(attachmentId)
                .filter(found -> found.ticketId.equals(ticket.id) && clientMaySee(found, ticket))
                .orElseThrow(() -> new NotFoundException("No attachment " + attachmentId + " for this client"));
        return Downloads.of(attachment, attachments.content(attachment));
    }

    /** Files on public notes, and the client's own uploads; never those on private notes or agents' drafts. */
    private static boolean clientMaySee(Attachment attachment, Ticket ticket) {
        if (attachment.noteId == null) {
            return attachment.uploadedBy.equalsIgnoreCase(ticket.clientEmail);
        }
        return Optional.ofNullable(Note.<Note>findById(attachment.noteId)).map(note -> note.publicNote).orElse(false);
    }
}
