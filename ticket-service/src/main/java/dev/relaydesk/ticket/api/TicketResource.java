package dev.relaydesk.ticket.api;

import dev.relaydesk.ticket.api.TicketViews.HistoryView;
import dev.relaydesk.ticket.api.TicketViews.NoteView;
import dev.relaydesk.ticket.api.TicketViews.TicketDetails;
import dev.relaydesk.ticket.api.TicketViews.TicketSummary;
import dev.relaydesk.ticket.history.HistoryEntry;
import dev.relaydesk.ticket.note.Note;
import dev.relaydesk.ticket.ticket.Ticket;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Agents' read API over tickets (per-type permissions arrive with the ticket-workflow work). */
@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "admin"})
@Transactional(Transactional.TxType.SUPPORTS)
public class TicketResource {

    @GET
    public List<TicketSummary> recent(@QueryParam("clientEmail") String clientEmail,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        Sort newestFirst = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        PanacheQuery<Ticket> query = clientEmail == null || clientEmail.isBlank()
                ? Ticket.findAll(newestFirst)
                : Ticket.find("lower(clientEmail) = ?1", newestFirst, clientEmail.strip().toLowerCase(Locale.ROOT));
        return query.page(Page.ofSize(limit))
                .list()
                .stream()
                .map(TicketSummary::of)
                .toList();
    }

    @GET
    @Path("/{id}")
    public TicketDetails one(@PathParam("id") UUID id) {
        Ticket ticket = Ticket.<Ticket>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("No ticket " + id));
        return new TicketDetails(TicketSummary.of(ticket), ticket.description,
                Note.ofTicket(id).stream().map(NoteView::of).toList(),
                HistoryEntry.ofTicket(id).stream().map(HistoryView::of).toList());
    }
}
