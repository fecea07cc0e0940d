package dev.relaydesk.ticket.ticket;

import dev.relaydesk.contracts.ScreeningDecision;
import dev.relaydesk.contracts.ScreeningDraft;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketAssigned;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketPriority;
import dev.relaydesk.events.TicketReopened;
import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.events.TicketSource;
import dev.relaydesk.events.TicketStageChanged;
import dev.relaydesk.events.TicketStatus;
import dev.relaydesk.events.TicketUpdated;
import dev.relaydesk.events.TicketUpdated.FieldChange;
import dev.relaydesk.messaging.outbox.Outbox;
import dev.relaydesk.messaging.tx.AfterCommit;
import dev.relaydesk.ticket.access.TypePermissions;
import dev.relaydesk.ticket.attachment.Attachment;
import dev.relaydesk.ticket.attachment.Attachments;
import dev.relaydesk.ticket.history.HistoryEntry;
import dev.relaydesk.ticket.note.Note;
import dev.relaydesk.ticket.project.Project;
import dev.relaydesk.ticket.project.TicketType;
import dev.relaydesk.ticket.project.WorkflowStage;
import dev.relaydesk.ticket.field.CustomFieldValues;
import dev.relaydesk.ticket.field.PrefilledFields;
import dev.relaydesk.ticket.screening.Screening;
import dev.relaydesk.ticket.screening.TicketRejectedException;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The ticket's state changes. Each writes the change, its history line and its event in one transaction
 * (the caller's, or a new one).
 */
@ApplicationScoped
// A screening rejection happens before anything is written: the caller (mail intake) may carry on in its transaction.
@Transactional(dontRollbackOn = TicketRejectedException.class)
public class TicketService {

    private static final Logger LOG = Logger.getLogger(TicketService.class);

    private final Outbox outbox;
    private final Attachments attachments;
    private final AfterCommit afterCommit;
    private final MeterRegistry metrics;
    private final Screening screening;
    private final PrefilledFields prefilledFields;

    TicketService(Outbox outbox, Attachments attachments, AfterCommit afterCommit, MeterRegistry metrics,
            Screening screening, PrefilledFields prefilledFields) {
        this.screening = screening;
        this.prefilledFields = prefilledFields;
        this.outbox = outbox;
        this.attachments = attachments;
        this.afterCommit = afterCommit;
        this.metrics = metrics;
    }

    /**
     * Opens a ticket, once the screening provider (for tickets clients open) has had its say: it may move it to
     * another project or type and set custom fields, or refuse it ({@link TicketRejectedException}). Then the
     * custom-fields provider fills in the fields of that project the client left empty.
     */
    public Ticket open(NewTicket asked) {
        return open(asked, null);
    }

    /**
     * @param firstStage the first workflow stage of {@code asked.project()} when the caller has read it already
     *                   (one query less); null to look it up
     */
    public Ticket open(NewTicket asked, WorkflowStage firstStage) {
        NewTicket screened = screened(asked);
        NewTicket request = screened.withCustomFields(prefilledFields.fill(screened.source(), screened.project(),
                screened.clientEmail(), screened.clientName(), screened.customFields()));
        Instant now = Instant.now();
        Project project = request.project();
        Ticket ticket = new Ticket();
        ticket.id = UUID.randomUUID();
        ticket.project = project;
        ticket.number = project.allocateNumber();
        ticket.title = request.title();
        ticket.description = request.description();
        ticket.clientEmail = request.clientEmail();
        ticket.clientName = request.clientName();
        ticket.clientOrganization = request.clientOrganization();
        ticket.clientPhone = request.clientPhone();
        ticket.type = request.type() != null ? request.type() : project.defaultType;
        ticket.priority = request.priority() != null ? request.priority() : TicketPriority.NORMAL;
        ticket.customFields.putAll(request.customFields());
        // screening may have moved the ticket to another project, whose workflow is looked up
        ticket.stage = firstStage != null && firstStage.projectId.equals(project.id) ? firstStage
                : WorkflowStage.first(project.id);
        ticket.status = TicketStatus.OPEN;
        ticket.source = request.source();
        // Only what the client writes waits for an agent; a ticket an agent opens for a client does not.
        ticket.unreadByAgent = request.source() != TicketSource.AGENT;
        ticket.threadMessageId = request.threadMessageId() != null ? request.threadMessageId()
                : ticket.id + "@" + domainOf(project.inboundAddress);
        ticket.createdAt = now;
        ticket.updatedAt = now;
        // No flush of its own: the history row's insert (an identity insert, executed at once) sends the queued
        // ticket insert first, and the version is seeded on persist; an extra flush only dirty-checked every
        // entity of the request once more.
        ticket.persist();
        HistoryEntry.record(ticket.id, request.actor(), "created", "via " + request.source(), now);
        List<String> filledIn = request.customFields().keySet().stream()
                .filter(key -> !screened.customFields().containsKey(key)).toList();
        if (!filledIn.isEmpty()) {
            // so agents can tell the provider's values from the client's
            HistoryEntry.record(ticket.id, "custom-fields provider", "filled in", String.join(", ", filledIn), now);
        }
        // lets an operator find the trace of a ticket's creation by its number
        Span.current().setAttribute("relaydesk.ticket.number", ticket.displayNumber());

        outbox.publish(new TicketCreated(ticket.id, ticket.version, ticket.displayNumber(), project.key, project.name,
                project.inboundAddress, ticket.title, ticket.description, ticket.clientEmail, ticket.clientName,
                ticket.status, ticket.stage.name, ticket.source, ticket.threadMessageId, ticket.createdAt,
                ticket.type.name, ticket.priority, ticket.clientOrganization, agentsToNotify(ticket),
                CustomFieldValues.asText(ticket.customFields), ticket.clientPhone));
        afterCommit.run(() -> metrics.counter("relaydesk.tickets.created", "source", request.source().name()).increment());
        return ticket;
    }

    private NewTicket screened(NewTicket request) {
        ScreeningDecision decision = screening.screen(request.source(), new ScreeningDraft(request.project().key,
                request.type() != null ? request.type().name : null, request.title(), request.description(),
                request.clientEmail(), request.clientName(), request.source().name(), request.customFields()));
        if (decision.rejected()) {
            metrics.counter("relaydesk.tickets.rejected", "source", request.source().name()).increment();
            throw new TicketRejectedException(decision.message());
        }
        Project project = request.project();
        if (decision.projectKey() != null && !decision.projectKey().equals(project.key)) {
            Optional<Project> redirected = Project.byKey(decision.projectKey());
            if (redirected.isEmpty()) {
                LOG.warnf("Screening named project %s, which does not exist; %s stays", decision.projectKey(), project.key);
            }
            project = redirected.orElse(project);
        }
        UUID projectId = project.id;
        TicketType type = decision.type() != null
                ? TicketType.byName(projectId, decision.type()).orElse(null)
                : request.type() != null && request.type().projectId.equals(projectId) ? request.type() : null;
        Map<String, Object> fields = new LinkedHashMap<>(request.customFields());
        fields.putAll(decision.customFields());
        return new NewTicket(project, type, request.title(), request.description(), request.clientEmail(),
                request.clientName(), request.clientOrganization(), request.priority(), fields, request.source(),
                request.threadMessageId(), request.actor(), request.clientPhone());
    }

    public Note addNote(Ticket ticket, NewNote request) {
        List<Attachment> files = attachments.forNewNote(ticket.id, request.attachmentIds(), request.uploadedBy());
        Instant now = Instant.now();
        Note note = new Note();
        note.id = UUID.randomUUID();
        note.ticketId = ticket.id;
        note.authorType = request.authorType();
        note.authorName = request.authorName();
        note.authorEmail = request.authorEmail();
        note.body = request.body();
        note.publicNote = request.publicNote();
        note.messageId = request.messageId();
        note.createdAt = now;
        note.persist();
        files.forEach(file -> file.noteId = note.id);

        // A client writing makes the ticket unread for agents until one of them replies.
        ticket.unreadByAgent = request.authorType() == NoteAuthor.CLIENT
                || (ticket.unreadByAgent && request.authorType() != NoteAuthor.AGENT);
        ticket.updatedAt = now;
        ticket.persistAndFlush();
        HistoryEntry.record(ticket.id, actorOf(request), request.publicNote() ? "public note" : "private note", null, now);

        Project project = ticket.project;
        outbox.publish(new NoteAdded(ticket.id, ticket.version, note.id, ticket.displayNumber(), project.key,
                project.inboundAddress, ticket.title, ticket.clientEmail, ticket.clientName, ticket.status,
                note.authorType, note.authorName, note.body, note.publicNote, request.notifyClient(),
                ticket.threadMessageId, now, files.stream().map(Attachment::ref).toList()));
        return note;
    }

    /**
     * Moves the ticket to another stage of its workflow. Into the last stage closes it, out of the last stage
     * reopens it; the client hears of both through the events.
     *
     * @param expectedVersion the version the caller last saw; a different current version means someone
     *                        else changed the ticket meanwhile
     */
    public Ticket moveToStage(Ticket ticket, WorkflowStage target, long expectedVersion, NoteAuthor actorType,
            String actor) {
        checkVersion(ticket, expectedVersion);
        if (!target.projectId.equals(ticket.project.id)) {
            throw new IllegalArgumentException("Stage " + target.name + " is not in project " + ticket.project.key);
        }
        if (target.id.equals(ticket.stage.id)) {
            return ticket;
        }
        Instant now = Instant.now();
        String fromStage = ticket.stage.name;
        TicketStatus before = ticket.status;
        ticket.stage = target;
        ticket.status = target.isLast() ? TicketStatus.CLOSED : TicketStatus.OPEN;
        if (ticket.status == TicketStatus.CLOSED) {
            ticket.unreadByAgent = false;
            if (before != TicketStatus.CLOSED) {
                ticket.closedAt = now;
            }
        } else {
            ticket.closedAt = null;
        }
        ticket.updatedAt = now;
        ticket.persistAndFlush();
        HistoryEntry.record(ticket.id, actor, "stage", fromStage + " -> " + target.name, now);

        TicketSnapshot snapshot = TicketSnapshots.of(ticket);
        outbox.publish(new TicketStageChanged(snapshot, ticket.version, fromStage, actor, now));
        if (before == TicketStatus.OPEN && ticket.status == TicketStatus.CLOSED) {
            outbox.publish(new TicketClosed(snapshot, ticket.version, actorType, actor, now));
        } else if (before == TicketStatus.CLOSED && ticket.status == TicketStatus.OPEN) {
            outbox.publish(new TicketReopened(snapshot, ticket.version, actorType, actor, now));
        }
        return ticket;
    }

    /** Applies an agent's edit; nothing is written (and no event sent) when nothing actually changes. */
    public Ticket update(Ticket ticket, TicketEdit edit, long expectedVersion, String actor) {
        checkVersion(ticket, expectedVersion);
        List<FieldChange> changes = edit.applyTo(ticket);
        if (changes.isEmpty()) {
            return ticket;
        }
        Instant now = Instant.now();
        ticket.updatedAt = now;
        ticket.persistAndFlush();
        for (FieldChange change : changes) {
            HistoryEntry.record(ticket.id, actor, "changed " + change.field(),
                    String.valueOf(change.from()) + " -> " + String.valueOf(change.to()), now);
        }
        outbox.publish(new TicketUpdated(TicketSnapshots.of(ticket), ticket.version, changes, actor, now));
        return ticket;
    }

    /**
     * Sets who works on the ticket (claiming is adding oneself). Who may be assigned is the caller's
     * business; this only records it.
     */
    public Ticket assign(Ticket ticket, Set<String> agents, long expectedVersion, String actor) {
        checkVersion(ticket, expectedVersion);
        List<String> before = ticket.assigneeNames();
        if (new LinkedHashSet<>(before).equals(agents)) {
            return ticket;
        }
        Instant now = Instant.now();
        ticket.assignees.removeIf(assignee -> !agents.contains(assignee.agent()));
        agents.stream().filter(agent -> !before.contains(agent))
                .forEach(agent -> ticket.assignees.add(new Assignee(agent, now)));
        ticket.updatedAt = now;
        ticket.persistAndFlush();
        HistoryEntry.record(ticket.id, actor, "assigned", String.join(", ", before) + " -> "
                + String.join(", ", ticket.assigneeNames()), now);
        outbox.publish(new TicketAssigned(TicketSnapshots.of(ticket), ticket.version, before, actor, now));
        return ticket;
    }

    /** Takes the ticket: adds the agent to its assignees. */
    public Ticket claim(Ticket ticket, String agent, long expectedVersion) {
        Set<String> agents = new LinkedHashSet<>(ticket.assigneeNames());
        agents.add(agent);
        return assign(ticket, agents, expectedVersion, agent);
    }

    /** Agents allowed on the type, when it asks for them to hear of the tickets clients open; else nobody. */
    private static List<String> agentsToNotify(Ticket ticket) {
        boolean fromClient = ticket.source == TicketSource.EMAIL || ticket.source == TicketSource.WEB_FORM
                || ticket.source == TicketSource.PORTAL;
        return fromClient && ticket.type.notifyAgentsOnNew ? TypePermissions.agentsOf(ticket.type.id) : List.of();
    }

    private static void checkVersion(Ticket ticket, long expectedVersion) {
        if (ticket.version != expectedVersion) {
            throw new StaleTicketException(ticket.displayNumber(), expectedVersion, ticket.version);
        }
    }

    private static String domainOf(String address) {
        return address.substring(address.indexOf('@') + 1);
    }

    private static String actorOf(NewNote request) {
        return request.authorEmail() != null ? request.authorEmail() : request.authorType().name().toLowerCase();
    }

    /**
     * @param type            null for the project's default type
     * @param priority        null for normal
     * @param customFields    already checked against the project's fields
     * @param threadMessageId the Message-ID that opened the thread; null makes one up
     * @param actor           who opened it (the client's address, an agent's username)
     * @param clientPhone     the client's mobile number for SMS, already in E.164 form; null when none was given
     */
    public record NewTicket(Project project, TicketType type, String title, String description, String clientEmail,
            String clientName, String clientOrganization, TicketPriority priority, Map<String, Object> customFields,
            TicketSource source, String threadMessageId, String actor, String clientPhone) {

        /** A ticket without a mobile number. */
        public NewTicket(Project project, TicketType type, String title, String description, String clientEmail,
                String clientName, String clientOrganization, TicketPriority priority, Map<String, Object> customFields,
                TicketSource source, String threadMessageId, String actor) {
            this(project, type, title, description, clientEmail, clientName, clientOrganization, priority, customFields,
                    source, threadMessageId, actor, null);
        }

        /** A ticket opened by a client's mail. */
        public static NewTicket fromMail(Project project, String title, String body, String fromAddress,
                String fromName, String messageId) {
            return new NewTicket(project, null, title, body, fromAddress, fromName, null, null, Map.of(),
                    TicketSource.EMAIL, messageId, fromAddress);
        }

        NewTicket withCustomFields(Map<String, Object> fields) {
            return new NewTicket(project, type, title, description, clientEmail, clientName, clientOrganization,
                    priority, fields, source, threadMessageId, actor, clientPhone);
        }
    }

    /**
     * @param attachmentIds uploads on the ticket that the note carries; each must have been uploaded by the note's
     *                      author ({@code uploadedBy}) and not be on another note
     * @param uploadedBy    who the note's uploads must come from: the agent's username or the client's email
     */
    public record NewNote(NoteAuthor authorType, String authorName, String authorEmail, String body, boolean publicNote,
            boolean notifyClient, String messageId, List<UUID> attachmentIds, String uploadedBy) {

        public NewNote(NoteAuthor authorType, String authorName, String authorEmail, String body, boolean publicNote,
                boolean notifyClient, String messageId) {
            this(authorType, authorName, authorEmail, body, publicNote, notifyClient, messageId, List.of(), null);
        }
    }
}
