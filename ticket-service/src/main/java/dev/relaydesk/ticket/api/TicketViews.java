package dev.relaydesk.ticket.api;

import dev.relaydesk.ticket.mail.FailingAddress;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketPriority;
import dev.relaydesk.events.TicketSource;
import dev.relaydesk.events.TicketStatus;
import dev.relaydesk.ticket.attachment.Attachment;
import dev.relaydesk.ticket.attachment.AttachmentView;
import dev.relaydesk.ticket.history.HistoryEntry;
import dev.relaydesk.ticket.link.LinkKind;
import dev.relaydesk.ticket.link.TicketLink;
import dev.relaydesk.ticket.mail.MatchedBy;
import dev.relaydesk.ticket.note.Note;
import dev.relaydesk.ticket.ticket.Ticket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the API shows of tickets; entities never leave the service. */
public final class TicketViews {

    private TicketViews() {
    }

    public record TicketSummary(UUID id, String number, String projectKey, String type, String title,
            String clientEmail, String clientName, String clientOrganization, TicketStatus status, String stage,
            TicketPriority priority, List<String> assignees, TicketSource source, boolean unread, long version,
            Instant createdAt, Instant updatedAt, String clientPhone) {

        public static TicketSummary of(Ticket ticket) {
            return new TicketSummary(ticket.id, ticket.displayNumber(), ticket.project.key, ticket.type.name,
                    ticket.title, ticket.clientEmail, ticket.clientName, ticket.clientOrganization, ticket.status,
                    ticket.stage.name, ticket.priority, ticket.assigneeNames(), ticket.source, ticket.unreadByAgent,
                    ticket.version, ticket.createdAt, ticket.updatedAt, ticket.clientPhone);
        }
    }

    /**
     * @param matchedBy   for a note made of an inbound mail, how it was matched to the ticket
     *                    ({@code REPLY_TOKEN}, {@code MESSAGE_ID}, {@code MATCH_RULE}, {@code SUBJECT_NUMBER}); null for other notes
     * @param needsReview a mail from someone neither the client nor an agent on the ticket: private, for an agent
     *                    to look at
     */
    public record NoteView(UUID id, NoteAuthor authorType, String authorName, String authorEmail, String body,
            boolean publicNote, Instant createdAt, List<AttachmentView> attachments, MatchedBy matchedBy,
            boolean needsReview) {

        public static NoteView of(Note note) {
            return of(note, Attachment.ofNote(note.id).stream().map(AttachmentView::of).toList());
        }

        /** A ticket's conversation, its files read in one query. */
        public static List<NoteView> ofTicket(UUID ticketId) {
            Map<UUID, List<AttachmentView>> files = Attachment.ofTicket(ticketId).stream()
                    .filter(attachment -> attachment.noteId != null)
                    .collect(Collectors.groupingBy(attachment -> attachment.noteId,
                            Collectors.mapping(AttachmentView::of, Collectors.toList())));
            return Note.ofTicket(ticketId).stream().map(note -> of(note, files.getOrDefault(note.id, List.of()))).toList();
        }

        private static NoteView of(Note note, List<AttachmentView> attachments) {
            return new NoteView(note.id, note.authorType, note.authorName, note.authorEmail, note.body,
                    note.publicNote, note.createdAt, attachments, note.matchedBy, note.needsReview);
        }
    }

    public record HistoryView(String actor, String action, String detail, Instant at) {

        public static HistoryView of(HistoryEntry entry) {
            return new HistoryView(entry.actor, entry.action, entry.detail, entry.at);
        }
    }

    /**
     * Another ticket this one is linked with, as this ticket's agents read it: "follows up SUP-41",
     * "followed up by SUP-57", "names in its subject SUP-12", "named in the subject of SUP-60".
     *
     * @param kind     why the tickets are linked ({@code FOLLOW_UP}, {@code SUBJECT_NUMBER})
     * @param relation what the other ticket is to this one, in words, followed by its number
     */
    public record LinkedTicketView(UUID id, String number, String title, TicketStatus status, LinkKind kind,
            String relation, Instant linkedAt) {

        /** The ticket's links, either way, to tickets the reader may see. */
        public static List<LinkedTicketView> ofTicket(UUID ticketId, Predicate<Ticket> visible) {
            return TicketLink.of(ticketId).stream().map(link -> {
                boolean newer = link.ticketId.equals(ticketId);
                Ticket other = Ticket.findById(newer ? link.linkedTicketId : link.ticketId);
                if (other == null || !visible.test(other)) {
                    return null;
                }
                return new LinkedTicketView(other.id, other.displayNumber(), other.title, other.status, link.kind,
                        newer ? link.kind.labelFromNewer() : link.kind.labelFromOlder(), link.createdAt);
            }).filter(Objects::nonNull).toList();
        }
    }

    /** @param links the tickets linked with this one (follow-ups, tickets naming it), that the reader may see */
    /**
     * @param clientAddressFailing set when our last mail to the client's address bounced for good (until they
     *                             write again)
     */
    public record TicketDetails(TicketSummary ticket, String description, Map<String, Object> customFields,
            List<NoteView> notes, List<HistoryView> history, List<LinkedTicketView> links,
            FailingAddressView clientAddressFailing) {
    }

    /** What the last delivery report said about an address our mail bounced from. */
    public record FailingAddressView(String address, String status, String diagnostic, Instant bouncedAt) {

        public static FailingAddressView ofClient(Ticket ticket) {
            return FailingAddress.of(ticket.clientEmail)
                    .map(failing -> new FailingAddressView(failing.address, failing.status, failing.diagnostic,
                            failing.bouncedAt))
                    .orElse(null);
        }
    }
}
