package dev.relaydesk.ticket.api;

import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketPriority;
import dev.relaydesk.events.TicketSource;
import dev.relaydesk.events.TicketStatus;
import dev.relaydesk.ticket.access.AgentAccess;
import dev.relaydesk.ticket.access.TypePermissions;
import dev.relaydesk.ticket.api.TicketRequests.AssigneesRequest;
import dev.relaydesk.ticket.api.TicketRequests.ClaimRequest;
import dev.relaydesk.ticket.api.TicketRequests.CreateTicket;
import dev.relaydesk.ticket.api.TicketRequests.EditTicket;
import dev.relaydesk.ticket.api.TicketRequests.NoteRequest;
import dev.relaydesk.ticket.api.TicketRequests.StageMove;
import dev.relaydesk.ticket.api.TicketViews.HistoryView;
import dev.relaydesk.ticket.api.TicketViews.NoteView;
import dev.relaydesk.ticket.api.TicketViews.LinkedTicketView;
import dev.relaydesk.ticket.api.TicketViews.FailingAddressView;
import dev.relaydesk.ticket.api.TicketViews.TicketDetails;
import dev.relaydesk.ticket.api.TicketViews.TicketSummary;
import dev.relaydesk.ticket.field.CustomFieldValues;
import dev.relaydesk.ticket.history.HistoryEntry;
import dev.relaydesk.ticket.note.Note;
import dev.relaydesk.ticket.project.Project;
import dev.relaydesk.ticket.project.ProjectForNewTicket;
import dev.relaydesk.ticket.project.TicketType;
import dev.relaydesk.ticket.project.WorkflowStage;
import dev.relaydesk.ticket.search.Cursor;
import dev.relaydesk.ticket.search.TicketQuery;
import dev.relaydesk.ticket.search.TicketSearch;
import dev.relaydesk.ticket.ticket.Ticket;
import dev.relaydesk.ticket.ticket.TicketEdit;
import dev.relaydesk.ticket.ticket.TicketService;
import dev.relaydesk.ticket.ticket.TicketService.NewNote;
import dev.relaydesk.ticket.ticket.TicketService.NewTicket;
import dev.relaydesk.web.InvalidFieldException;
import dev.relaydesk.web.PhoneNumbers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

/** Agents' API over the tickets they may see (per-type permissions; admins see all). */
@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "admin"})
@Transactional
public class TicketResource {

    private final AgentAccess access;
    private final TicketService tickets;
    private final TicketSearch search;
    private final IdempotencyKeys idempotencyKeys;

    TicketResource(AgentAccess access, TicketService tickets, TicketSearch search, IdempotencyKeys idempotencyKeys) {
        this.access = access;
        this.tickets = tickets;
        this.search = search;
        this.idempotencyKeys = idempotencyKeys;
    }

    /**
     * The tickets this agent may see, filtered, newest activity first. A further page, if any, is in the
     * {@code Link: <...>; rel="next"} header.
     */
    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public RestResponse<List<TicketSummary>> list(@QueryParam("project") String project,
            @QueryParam("stage") String stage, @QueryParam("status") String status,
            @QueryParam("assignee") String assignee, @QueryParam("type") String type,
            @QueryParam("unread") Boolean unread, @QueryParam("clientEmail") String clientEmail,
            @QueryParam("priority") String priority, @QueryParam("q") @Size(max = 500) String text,
            @QueryParam("sort") @DefaultValue("updated") String sort, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit, @Context UriInfo uri) {
        TicketQuery query = new TicketQuery(project, stage, enumParam("status", TicketStatus.class, status), assignee,
                type, unread, clientEmail, enumParam("priority", TicketPriority.class, priority), text, order(sort));
        TicketSearch.Page page = search.find(query, access, cursor == null ? null : Cursor.decode(cursor), limit);
        RestResponse.ResponseBuilder<List<TicketSummary>> response =
                RestResponse.ResponseBuilder.ok(page.tickets().stream().map(TicketSummary::of).toList());
        page.next().ifPresent(next -> response.header("Link",
                "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor", next.encode()).build() + ">; rel=\"next\""));
        return response.build();
    }

    @GET
    @Path("/{id}")
    @Transactional(Transactional.TxType.SUPPORTS)
    public TicketDetails one(@PathParam("id") UUID id) {
        Ticket ticket = access.visibleTicket(id);
        return new TicketDetails(TicketSummary.of(ticket), ticket.description, ticket.customFields,
                NoteView.ofTicket(id),
                HistoryEntry.ofTicket(id).stream().map(HistoryView::of).toList(),
                LinkedTicketView.ofTicket(id, access::maySee), FailingAddressView.ofClient(ticket));
    }

    /**
     * Opens a ticket for a client. With an {@code Idempotency-Key} header, a retry of the same request gets
     * the ticket the first one made (200) instead of a second ticket.
     */
    @POST
    public RestResponse<TicketSummary> create(@Valid @NotNull CreateTicket request,
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey, @Context UriInfo uri) {
        if (idempotencyKey != null) {
            var earlier = idempotencyKeys.ticketFor(access.username(), idempotencyKey);
            if (earlier.isPresent()) {
                return RestResponse.ok(TicketSummary.of(access.visibleTicket(earlier.get())));
            }
        }
        ProjectForNewTicket target = ProjectForNewTicket.chosen(request.project());
        Project project = target.project();
        TicketType type = request.type() == null ? project.defaultType : manageableType(project, request.type());
        if (request.type() == null && !access.mayManage(type)) {
            throw new InvalidFieldException("type", "You may not open tickets of type " + type.name);
        }
        TicketSource source = request.source() == null ? TicketSource.AGENT : request.source();
        if (source != TicketSource.AGENT && source != TicketSource.API) {
            throw new InvalidFieldException("source", "Tickets opened through the API have source AGENT or API");
        }
        Map<String, Object> fields = target.newTicketFields(request.customFields());
        String phone = PhoneNumbers.normalized("clientPhone", request.clientPhone());
        Ticket ticket = tickets.open(new NewTicket(project, type, request.title().strip(), request.description(),
                request.clientEmail().strip(), request.clientName(), request.clientOrganization(), request.priority(),
                fields, source, null, access.username(), phone), target.firstStage());
        if (idempotencyKey != null) {
            idempotencyKeys.remember(access.username(), idempotencyKey, ticket.id);
        }
        return RestResponse.ResponseBuilder.<TicketSummary>created(
                        uri.getAbsolutePathBuilder().path(ticket.id.toString()).build())
                .entity(TicketSummary.of(ticket))
                .build();
    }

    /** Edits title, priority, type, client details (name, organization, mobile number) or custom fields; 409 when the version is not current. */
    @PATCH
    @Path("/{id}")
    public TicketSummary edit(@PathParam("id") UUID id, @Valid @NotNull EditTicket request) {
        Ticket ticket = access.visibleTicket(id);
        TicketType type = request.type() == null ? null : manageableType(ticket.project, request.type());
        Map<String, Object> fields = request.customFields() == null ? null
                : CustomFieldValues.apply(ticket.project.id, ticket.customFields, request.customFields(), true);
        // absent leaves the number, empty removes it
        String phone = request.clientPhone() == null ? null
                : request.clientPhone().isBlank() ? "" : PhoneNumbers.normalized("clientPhone", request.clientPhone());
        TicketEdit edit = new TicketEdit(request.title() == null ? null : request.title().strip(), request.priority(),
                type, request.clientName(), request.clientOrganization(), fields, phone);
        return TicketSummary.of(tickets.update(ticket, edit, request.version(), access.username()));
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
                publicNote, notifyClient, null, request.attachmentIds(), access.username()));
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

    /** Sets the assignees: each must be allowed on the ticket's type (an admin may assign themselves). */
    @PUT
    @Path("/{id}/assignees")
    public TicketSummary assign(@PathParam("id") UUID id, @Valid @NotNull AssigneesRequest request) {
        Ticket ticket = access.visibleTicket(id);
        Set<String> agents = new LinkedHashSet<>();
        request.assignees().stream().map(String::strip).forEach(agents::add);
        List<String> allowed = TypePermissions.agentsOf(ticket.type.id);
        for (String agent : agents) {
            boolean adminHimself = access.seesAllTypes() && agent.equals(access.username());
            if (!allowed.contains(agent) && !adminHimself) {
                throw new InvalidFieldException("assignees",
                        agent + " may not manage tickets of type " + ticket.type.name);
            }
        }
        return TicketSummary.of(tickets.assign(ticket, agents, request.version(), access.username()));
    }

    /** Takes the ticket: adds the calling agent to its assignees. */
    @POST
    @Path("/{id}/claim")
    public TicketSummary claim(@PathParam("id") UUID id, @Valid @NotNull ClaimRequest request) {
        return TicketSummary.of(tickets.claim(access.visibleTicket(id), access.username(), request.version()));
    }

    private TicketType manageableType(Project project, String name) {
        return TicketType.byName(project.id, name)
                .filter(access::mayManage)
                .orElseThrow(() -> new InvalidFieldException("type",
                        "Project " + project.key + " has no type \"" + name + "\" that you may manage"));
    }

    /** Bad values are a 400 naming the parameter (JAX-RS would answer 404 for an unconvertible query value). */
    private static <E extends Enum<E>> E enumParam(String name, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(name, name + " is one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static TicketQuery.Order order(String sort) {
        return switch (sort) {
            case "updated" -> TicketQuery.Order.UPDATED;
            case "created" -> TicketQuery.Order.CREATED;
            default -> throw new InvalidFieldException("sort", "sort is \"updated\" or \"created\"");
        };
    }
}
