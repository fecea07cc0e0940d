package dev.relaydesk.ticket.ticket;

import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketReopened;
import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.events.TicketStageChanged;
import dev.relaydesk.events.TicketSource;
import dev.relaydesk.events.TicketStatus;
import dev.relaydesk.messaging.outbox.Outbox;
import dev.relaydesk.ticket.history.HistoryEntry;
import dev.relaydesk.ticket.note.Note;
import dev.relaydesk.ticket.project.Project;
import dev.relaydesk.ticket.project.WorkflowStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * The ticket's state changes. Each writes the change, its history line and its event in one transaction
 * (the caller's, or a new one).
 */
@ApplicationScoped
@Transactional
public class TicketService {

    private final Outbox outbox;

    TicketService(Outbox outbox) {
        this.outbox = outbox;
    }

    public Ticket open(NewTicket request) {
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
        ticket.type = project.defaultType;
        ticket.stage = WorkflowStage.first(project.id);
        ticket.status = TicketStatus.OPEN;
        ticket.source = request.source();
        ticket.unreadByAgent = true;
        ticket.threadMessageId = request.threadMessageId();
        ticket.createdAt = now;
        ticket.updatedAt = now;
        ticket.persistAndFlush();
        HistoryEntry.record(ticket.id, request.clientEmail(), "created", "via " + request.source(), now);

        outbox.publish(new TicketCreated(ticket.id, ticket.version, ticket.displayNumber(), project.key, project.name,
                project.inboundAddress, ticket.title, ticket.description, ticket.clientEmail, ticket.clientName,
                ticket.status, ticket.stage.name, ticket.source, ticket.threadMessageId, ticket.createdAt));
        return ticket;
    }

    public Note addNote(Ticket ticket, NewNote request) {
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
                ticket.threadMessageId, now));
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
        if (ticket.version != expectedVersion) {
            throw new StaleTicketException(ticket.displayNumber(), expectedVersion, ticket.version);
        }
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

    private static String actorOf(NewNote request) {
        return request.authorEmail() != null ? request.authorEmail() : request.authorType().name().toLowerCase();
    }

    public record NewTicket(Project project, String title, String description, String clientEmail, String clientName,
            TicketSource source, String threadMessageId) {
    }

    public record NewNote(NoteAuthor authorType, String authorName, String authorEmail, String body, boolean publicNote,
            boolean notifyClient, String messageId) {
    }
}
