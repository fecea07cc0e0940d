package dev.relaydesk.ticket.api;

import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketPriority;
import dev.relaydesk.events.TicketSource;
import dev.relaydesk.events.TicketStatus;
import dev.relaydesk.ticket.history.HistoryEntry;
import dev.relaydesk.ticket.note.Note;
import dev.relaydesk.ticket.ticket.Ticket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the API shows of tickets; entities never leave the service. */
public final class TicketViews {

    private TicketViews() {
    }

    public record TicketSummary(UUID id, String number, String projectKey, String type, String title,
            String clientEmail, String clientName, String clientOrganization, TicketStatus status, String stage,
            TicketPriority priority, List<String> assignees, TicketSource source, boolean unread, long version,
            Instant createdAt, Instant updatedAt) {

        public static TicketSummary of(Ticket ticket) {
            return new TicketSummary(ticket.id, ticket.displayNumber(), ticket.project.key, ticket.type.name,
                    ticket.title, ticket.clientEmail, ticket.clientName, ticket.clientOrganization, ticket.status,
                    ticket.stage.name, ticket.priority, ticket.assigneeNames(), ticket.source, ticket.unreadByAgent,
                    ticket.version, ticket.createdAt, ticket.updatedAt);
        }
    }

    public record NoteView(UUID id, NoteAuthor authorType, String authorName, String authorEmail, String body,
            boolean publicNote, Instant createdAt) {

        public static NoteView of(Note note) {
            return new NoteView(note.id, note.authorType, note.authorName, note.authorEmail, note.body,
                    note.publicNote, note.createdAt);
        }
    }

    public record HistoryView(String actor, String action, String detail, Instant at) {

        public static HistoryView of(HistoryEntry entry) {
            return new HistoryView(entry.actor, entry.action, entry.detail, entry.at);
        }
    }

    public record TicketDetails(TicketSummary ticket, String description, Map<String, Object> customFields,
            List<NoteView> notes, List<HistoryView> history) {
    }
}
