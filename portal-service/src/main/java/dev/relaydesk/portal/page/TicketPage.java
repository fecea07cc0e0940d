package dev.relaydesk.portal.page;

import dev.relaydesk.events.TicketStatus;
import dev.relaydesk.portal.link.AccessLink;
import dev.relaydesk.portal.link.AccessLinks;
import dev.relaydesk.portal.ticket.PortalNote;
import dev.relaydesk.portal.ticket.PortalTicket;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/** The page a client's secret link opens: one ticket, its public conversation, no login. */
@Path("/t")
@Produces(MediaType.TEXT_HTML)
public class TicketPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ticket(PortalTicket ticket, boolean open, List<PortalNote> notes);

        static native TemplateInstance preparing();

        static native TemplateInstance notFound();
    }

    private final AccessLinks links;

    TicketPage(AccessLinks links) {
        this.links = links;
    }

    @GET
    @Path("/{token}")
    @Blocking
    public Response show(@PathParam("token") String token) {
        Optional<AccessLink> link = links.resolve(token);
        if (link.isEmpty()) {
            return notFound();
        }
        PortalTicket ticket = PortalTicket.findById(link.get().ticketId);
        if (ticket == null || !ticket.isReady()) {
            // The link can reach the client before the ticket's first event reaches us.
            return Response.ok(Templates.preparing()).header("Refresh", "3").build();
        }
        return Response.ok(Templates.ticket(ticket, ticket.status == TicketStatus.OPEN,
                PortalNote.conversation(ticket.ticketId))).build();
    }

    @GET
    @Path("/{token}/{rest: .*}")
    public Response unknownBelowToken() {
        return notFound();
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).entity(Templates.notFound()).build();
    }
}
