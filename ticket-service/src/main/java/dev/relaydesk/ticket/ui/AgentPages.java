package dev.relaydesk.ticket.ui;

import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketPriority;
import dev.relaydesk.events.TicketStatus;
import dev.relaydesk.ticket.access.AgentAccess;
import dev.relaydesk.ticket.api.TicketViews.NoteView;
import dev.relaydesk.ticket.attachment.Attachments;
import dev.relaydesk.ticket.api.TicketViews.TicketSummary;
import dev.relaydesk.ticket.field.CustomField;
import dev.relaydesk.ticket.field.CustomFieldValues;
import dev.relaydesk.ticket.live.LiveUpdates;
import dev.relaydesk.ticket.live.LiveUpdates.Watcher;
import dev.relaydesk.ticket.project.Project;
import dev.relaydesk.ticket.project.WorkflowStage;
import dev.relaydesk.ticket.search.Cursor;
import dev.relaydesk.ticket.search.TicketQuery;
import dev.relaydesk.ticket.search.TicketSearch;
import dev.relaydesk.ticket.ticket.StaleTicketException;
import dev.relaydesk.ticket.ticket.Ticket;
import dev.relaydesk.ticket.ticket.TicketEdit;
import dev.relaydesk.ticket.ticket.TicketService;
import dev.relaydesk.ticket.ticket.TicketService.NewNote;
import dev.relaydesk.ticket.ui.UiViews.Agent;
import dev.relaydesk.ticket.ui.UiViews.BoardView;
import dev.relaydesk.ticket.ui.UiViews.Column;
import dev.relaydesk.ticket.ui.UiViews.Filters;
import dev.relaydesk.ticket.ui.UiViews.InboxView;
import dev.relaydesk.ticket.ui.UiViews.TicketPageView;
import dev.relaydesk.web.InvalidFieldException;
import io.quarkus.oidc.IdToken;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The agent web UI: inbox, ticket page, board. Server-rendered (Qute), forms post and redirect, a little
 * script adds drag and drop. Everything goes through the same permission checks as the API.
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"agent", "admin"})
@Transactional
public class AgentPages {

    private static final int INBOX_PAGE = 50;
    private static final int BOARD_COLUMN = 100;
    private static final String STALE_EDIT = "Not saved: someone else changed this ticket while you were editing."
            + " Here is how it looks now; make your change again if it is still needed.";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(InboxView view);

        static native TemplateInstance ticket(TicketPageView view, String draft);

        static native TemplateInstance ticket$note(NoteView note);

        static native TemplateInstance board(BoardView view);

        static native TemplateInstance error(String title, String message);
    }

    private final AgentAccess access;
    private final TicketSearch search;
    private final TicketService tickets;
    private final AgentFormTokens formTokens;
    private final LiveUpdates live;
    private final TicketPages ticketPages;
    private final Attachments attachments;

    @Inject
    @IdToken
    JsonWebToken idToken;

    AgentPages(AgentAccess access, TicketSearch search, TicketService tickets, AgentFormTokens formTokens,
            LiveUpdates live, TicketPages ticketPages, Attachments attachments) {
        this.attachments = attachments;
        this.access = access;
        this.search = search;
        this.tickets = tickets;
        this.formTokens = formTokens;
        this.live = live;
        this.ticketPages = ticketPages;
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateInstance inbox(@QueryParam("q") String q, @QueryParam("project") String project,
            @QueryParam("type") String type, @QueryParam("stage") String stage, @QueryParam("status") String status,
            @QueryParam("assignee") String assignee, @QueryParam("unread") String unread,
            @QueryParam("cursor") String cursor) {
        Filters filters = new Filters(blank(q), blank(project), blank(type), blank(stage), blank(status),
                blank(assignee), "on".equals(unread) || "true".equals(unread));
        TicketQuery query = new TicketQuery(filters.project(), filters.stage(), statusOf(filters.status()),
                filters.assignee(), filters.type(), filters.unread() ? Boolean.TRUE : null, null, null, filters.q(),
                TicketQuery.Order.UPDATED);
        TicketSearch.Page page = search.find(query, access, cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor),
                INBOX_PAGE);
        String next = page.next().map(c -> inboxLink(filters, c)).orElse(null);
        return Templates.inbox(new InboxView(agent(), filters, summaries(page.tickets()), next, projectKeys()));
    }

    @GET
    @Path("/tickets/{id}")
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateInstance ticket(@PathParam("id") UUID id, @QueryParam("message") String message) {
        return Templates.ticket(ticketPages.of(access.visibleTicket(id), agent(), message), null);
    }

    /** Priority and custom fields. A bad value or a stale page shows the ticket again with what went wrong. */
    @POST
    @Path("/tickets/{id}/details")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editDetails(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        checkForm(form.getFirst("csrf"));
        Ticket ticket = access.visibleTicket(id);
        long seen = versionOf(form);
        try {
            TicketPriority priority = priorityOf(form.getFirst("priority"));
            Map<String, Object> changes = new HashMap<>();
            for (CustomField field : CustomField.ofProject(ticket.project.id)) {
                if (form.containsKey("field." + field.key)) {
                    changes.put(field.key, form.getFirst("field." + field.key));
                }
            }
            Map<String, Object> fields = CustomFieldValues.apply(ticket.project.id, ticket.customFields, changes, true);
            tickets.update(ticket, new TicketEdit(null, priority, null, null, null, fields), seen, access.username());
        } catch (InvalidFieldException e) {
            return ticketPage(400, ticket, "Not saved: " + e.getMessage() + ".");
        } catch (StaleTicketException e) {
            return ticketPage(409, ticket, STALE_EDIT);
        }
        return seeTicket(id, ticket.version == seen ? "Nothing changed." : "Details saved.");
    }

    /** Sets who works on the ticket, among the agents allowed on its type. */
    @POST
    @Path("/tickets/{id}/assignees")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setAssignees(@PathParam("id") UUID id, @FormParam("csrf") String csrf,
            @FormParam("version") long version, @FormParam("assignee") List<String> chosen) {
        checkForm(csrf);
        Ticket ticket = access.visibleTicket(id);
        Set<String> agents = new LinkedHashSet<>(chosen == null ? List.of() : chosen);
        Set<String> candidates = ticketPages.assigneeCandidates(ticket);
        for (String agent : agents) {
            if (!candidates.contains(agent)) {
                return ticketPage(400, ticket, "Not saved: " + agent + " may not work on " + ticket.type.name + " tickets.");
            }
        }
        try {
            tickets.assign(ticket, agents, version, access.username());
        } catch (StaleTicketException e) {
            return ticketPage(409, ticket, STALE_EDIT);
        }
        return seeTicket(id, agents.isEmpty() ? "Nobody has this ticket now." : "Assigned to " + String.join(", ", agents) + ".");
    }

    /**
     * The reply box: a public answer (the client is emailed unless unticked) or a private note, with files. A file
     * that cannot be attached sends nothing: the agent gets the page back with the reason and the draft.
     */
    @POST
    @Path("/tickets/{id}/notes")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response reply(@PathParam("id") UUID id, @RestForm String csrf, @RestForm String body,
            @RestForm String visibility, @RestForm String notify, @RestForm("files") List<FileUpload> files) {
        checkForm(csrf);
        Ticket ticket = access.visibleTicket(id);
        List<FileUpload> chosen = files == null ? List.of()
                : files.stream().filter(file -> !(isBlank(file.fileName()) && file.size() == 0)).toList();
        if (body == null || body.isBlank()) {
            return chosen.isEmpty() ? seeTicket(id, "Write something before sending.")
                    : ticketPage(400, ticket, "Write something before sending; choose the files again.", body);
        }
        for (FileUpload file : chosen) {
            Optional<String> refusal = attachments.refusal(file.fileName(), file.size());
            if (refusal.isPresent()) {
                return ticketPage(file.size() > 0 ? 413 : 400, ticket, "Not sent: " + refusal.get()
                        + ". Your text is below; choose the files again.", body);
            }
        }
        List<UUID> attachmentIds = chosen.stream()
                .map(file -> attachments.store(ticket.id, file.fileName(), file.contentType(), file.uploadedFile(),
                        access.username()).id)
                .toList();
        boolean publicNote = !"private".equals(visibility);
        tickets.addNote(ticket, new NewNote(NoteAuthor.AGENT, access.username(), null, body.strip(), publicNote,
                publicNote && "on".equals(notify), null, attachmentIds, access.username()));
        String withFiles = attachmentIds.isEmpty() ? "" : " with " + attachmentIds.size()
                + (attachmentIds.size() == 1 ? " file" : " files");
        return seeTicket(id, (publicNote ? "Answer sent" : "Private note added") + withFiles + ".");
    }

    /** Moves a ticket from its page or the board; {@code back} says where the agent returns. */
    @POST
    @Path("/tickets/{id}/stage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") UUID id, @FormParam("csrf") String csrf, @FormParam("stage") String stage,
            @FormParam("version") long version, @FormParam("back") String back) {
        checkForm(csrf);
        Ticket ticket = access.visibleTicket(id);
        WorkflowStage target = WorkflowStage.byName(ticket.project.id, stage == null ? "" : stage)
                .orElseThrow(() -> new BadRequestException("No stage " + stage));
        String message;
        try {
            tickets.moveToStage(ticket, target, version, NoteAuthor.AGENT, access.username());
            message = ticket.displayNumber() + " moved to " + target.name + ".";
        } catch (StaleTicketException e) {
            message = "Someone else changed " + ticket.displayNumber() + " meanwhile; here is how it looks now.";
        }
        return "board".equals(back) ? seeBoard(ticket.project.key, message) : seeTicket(id, message);
    }

    @POST
    @Path("/tickets/{id}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response claim(@PathParam("id") UUID id, @FormParam("csrf") String csrf, @FormParam("version") long version) {
        checkForm(csrf);
        Ticket ticket = access.visibleTicket(id);
        try {
            tickets.claim(ticket, access.username(), version);
            return seeTicket(id, "You have this ticket now.");
        } catch (StaleTicketException e) {
            return seeTicket(id, "Someone else changed this ticket meanwhile; here is how it looks now.");
        }
    }

    @GET
    @Path("/board/{project}")
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateInstance board(@PathParam("project") String key, @QueryParam("message") String message) {
        Project project = projectByKey(key);
        List<WorkflowStage> stages = WorkflowStage.ofProject(project.id);
        List<Column> columns = new ArrayList<>();
        for (WorkflowStage stage : stages) {
            TicketQuery query = new TicketQuery(project.key, stage.name, null, null, null, null, null, null, null,
                    TicketQuery.Order.UPDATED);
            columns.add(new Column(stage.name, stage == stages.get(stages.size() - 1),
                    summaries(search.find(query, access, null, BOARD_COLUMN).tickets())));
        }
        return Templates.board(new BoardView(agent(), project.key, projectKeys(), columns, message));
    }

    /**
     * Server-sent events for an open ticket page; {@code since} is the version the page shows. A ticket the
     * agent may not see is 404, which an EventSource does not retry.
     */
    @GET
    @Path("/tickets/{id}/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Transactional(Transactional.TxType.SUPPORTS)
    public void ticketLive(@PathParam("id") UUID id, @QueryParam("since") Long since, @Context SseEventSink sink,
            @Context Sse sse) {
        Ticket ticket = access.visibleTicket(id);
        live.watchTicket(ticket.id, ticket.version, since != null ? since : ticket.version, watcher(sink, sse));
    }

    @GET
    @Path("/board/{project}/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Transactional(Transactional.TxType.SUPPORTS)
    public void boardLive(@PathParam("project") String key, @Context SseEventSink sink, @Context Sse sse) {
        live.watchBoard(projectByKey(key).key, watcher(sink, sse));
    }

    @GET
    @Path("/board")
    public Response defaultBoard() {
        return seeBoard(Project.defaultProject().key, null);
    }

    private Response ticketPage(int status, Ticket ticket, String message) {
        return ticketPage(status, ticket, message, null);
    }

    /** The ticket page with a message, and the reply box holding the agent's unsent draft. */
    private Response ticketPage(int status, Ticket ticket, String message, String draft) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.ticket(ticketPages.of(ticket, agent(), message), draft).render()).build();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static long versionOf(MultivaluedMap<String, String> form) {
        try {
            return Long.parseLong(String.valueOf(form.getFirst("version")));
        } catch (NumberFormatException e) {
            throw new BadRequestException("The form has no ticket version");
        }
    }

    private static TicketPriority priorityOf(String priority) {
        try {
            return priority == null ? null : TicketPriority.valueOf(priority);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("priority", "there is no priority " + priority);
        }
    }

    private Watcher watcher(SseEventSink sink, Sse sse) {
        return new Watcher(access.username(), access.seesAllTypes(), sink, sse);
    }

    private static Project projectByKey(String key) {
        return Project.byKey(key.toUpperCase(Locale.ROOT)).orElseThrow(() -> new NotFoundException("No project " + key));
    }

    /** One note as the ticket page shows it, for a page that receives it live. */
    public static String noteHtml(NoteView note) {
        return Templates.ticket$note(note).render();
    }

    private Agent agent() {
        return new Agent(access.username(), access.seesAllTypes(), formTokens.issue(session()));
    }

    private void checkForm(String csrf) {
        if (!formTokens.isValid(session(), csrf)) {
            throw new FormExpiredException();
        }
    }

    /** The Keycloak session of this login: a new login makes new form tokens. */
    private String session() {
        Object sid = idToken.getClaim("sid");
        return idToken.getSubject() + ":" + (sid != null ? sid : idToken.getIssuedAtTime());
    }

    private static List<TicketSummary> summaries(List<Ticket> found) {
        return found.stream().map(TicketSummary::of).toList();
    }

    private static List<String> projectKeys() {
        return Project.<Project>listAll(Sort.by("key")).stream().map(p -> p.key).toList();
    }

    private static String inboxLink(Filters filters, Cursor next) {
        UriBuilder link = UriBuilder.fromPath("/ui");
        addIfPresent(link, "q", filters.q());
        addIfPresent(link, "project", filters.project());
        addIfPresent(link, "type", filters.type());
        addIfPresent(link, "stage", filters.stage());
        addIfPresent(link, "status", filters.status());
        addIfPresent(link, "assignee", filters.assignee());
        if (filters.unread()) {
            link.queryParam("unread", "on");
        }
        return link.queryParam("cursor", next.encode()).build().toString();
    }

    private static void addIfPresent(UriBuilder link, String name, String value) {
        if (value != null) {
            link.queryParam(name, value);
        }
    }

    private static TicketStatus statusOf(String status) {
        if (status == null) {
            return null;
        }
        try {
            return TicketStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Response seeTicket(UUID id, String message) {
        return Response.seeOther(UriBuilder.fromPath("/ui/tickets/{id}").queryParam("message", message).build(id)).build();
    }

    private static Response seeBoard(String project, String message) {
        UriBuilder board = UriBuilder.fromPath("/ui/board/{project}");
        if (message != null) {
            board.queryParam("message", message);
        }
        return Response.seeOther(board.build(project)).build();
    }

    /** A form from another login, or forged: the agent reloads the page and sends again. */
    public static class FormExpiredException extends RuntimeException {
        FormExpiredException() {
            super("This form has expired. Go back, reload the page and send it again.");
        }
    }

    /** A readable page for an error on the agent UI (the API answers problem+json instead). */
    public static Response errorPage(int status, String title, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(title, message).render()).build();
    }

    public static boolean isUiPath(String path) {
        return path.equals("/ui") || path.startsWith("/ui/");
    }
}
