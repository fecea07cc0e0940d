package dev.relaydesk.ticket.api;

import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.ticket.access.AgentAccess;
import dev.relaydesk.ticket.api.TicketViews.HistoryView;
import dev.relaydesk.ticket.api.TicketViews.NoteView;
import dev.relaydesk.ticket.api.TicketViews.TicketDetails;
import dev.relaydesk.ticket.api.TicketViews.TicketSummary;
import dev.relaydesk.ticket.history.HistoryEntry;
import dev.relaydesk.ticket.note.Note;
import dev.relaydesk.ticket.project.WorkflowStage;
import dev.relaydesk.ticket.ticket.Ticket;
import dev.relaydesk.ticket.ticket.TicketService;
import dev.relaydesk.ticket.ticket.TicketService.NewNote;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Agents' API over the tickets they may see (per-type permissions; admins see all). */
@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "admin"})
@Transactional
public class TicketResource {

    public record NoteRequest(@NotBlank @Size(max = 100_000) String body, Boolean publicNote, Boolean notifyClient) {
    }

    public record StageMove(@NotBlank String stage, @NotNull Long version) {
    }

    private final AgentAccess access;
    private final TicketService tickets;

    TicketResource(AgentAccess access, TicketService tickets) {
        this.access = access;
        this.tickets = tickets;
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TicketSummary> recent(@QueryParam("clientEmail") String clientEmail,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (clientEmail != null && !clientEmail.isBlank()) {
            conditions.add("lower(clientEmail) = :clientEmail");
            parameters.and("clientEmail", clientEmail.strip().toLowerCase(Locale.ROOT));
        }
        if (!access.seesAllTypes()) {
            if (access.allowedTypes().isEmpty()) {
                return List.of();
            }
            conditions.add("type.id in :types");
            parameters.and("types", access.allowedTypes());
        }
        String query = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        return Ticket.<Ticket>find(query, Sort.descending("createdAt").and("id", Sort.Direction.Descending), parameters)
                .page(Page.ofSize(limit))
                .list()
                .stream()
                .map(TicketSummary::of)
                .toList();
    }

    @GET
    @Path("/{id}")
    @Transactional(Transactional.TxType.SUPPORTS)
    public TicketDetails one(@PathParam("id") UUID id) {
        Ticket ticket = access.visibleTicket(id);
        return new TicketDetails(TicketSummary.of(ticket), ticket.description,
                Note.ofTicket(id).stream().map(NoteView::of).toList(),
                HistoryEntry.ofTicket(id).stream().map(HistoryView::of).toList());
    }

    /** An agent's answer (public, the client is emailed unless told not to) or private note (agents only). */
    @POST
    @Path("/{id}/notes")
    @ResponseStatus(201)
    public NoteView addNote(@PathParam("id") UUID id, @Valid @NotNull NoteRequest request) {
        Ticket ticket = access.visibleTicket(id);
        boolean publicNote = request.publicNote() == null || request.publicNote();
        boolean notifyClient = publicNote && (request.notifyClient() == null || request.notifyClient());
        Note note = tickets.addNote(ticket, new NewNote(NoteAuthor.AGENT, access.username(), null, request.body(),
                publicNote, notifyClient, null));
        return NoteView.of(note);
    }

    /** Moves the ticket on its board; the last stage closes it, leaving the last stage reopens it. */
    @PUT
    @Path("/{id}/stage")
    public TicketSummary moveToStage(@PathParam("id") UUID id, @Valid @NotNull StageMove move) {
        Ticket ticket = access.visibleTicket(id);
        WorkflowStage target = WorkflowStage.byName(ticket.project.id, move.stage())
                .orElseThrow(() -> new InvalidFieldException("stage",
                        "Project " + ticket.project.key + " has no stage \"" + move.stage() + "\""));
        return TicketSummary.of(tickets.moveToStage(ticket, target, move.version(), NoteAuthor.AGENT, access.username()));
    }
}
