package dev.relaydesk.ticket.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketAssigned;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketEvent;
import dev.relaydesk.events.TicketReopened;
import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.events.TicketSource;
import dev.relaydesk.events.TicketStageChanged;
import dev.relaydesk.events.TicketUpdated;
import dev.relaydesk.events.TicketUpdated.FieldChange;
import dev.relaydesk.ticket.api.TicketViews.NoteView;
import dev.relaydesk.ticket.attachment.AttachmentView;
import dev.relaydesk.ticket.ui.AgentPages;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What an event says to an open ticket page and to an open board, as SSE event name and JSON data. The
 * same for every agent who may see the ticket, so it is made once per event. Closed/Reopened add nothing
 * to the stage change that comes with them.
 */
@ApplicationScoped
class LiveMessages {

    record Message(String name, String json) {
    }

    record NewNote(long version, UUID noteId, String author, String html) {
    }

    record Change(long version, String text) {
    }

    record Moved(String number, long version, String stage) {
    }

    record CardChange(String number, long version, String title, Boolean unread, String text) {
    }

    /** A ticket to add to an open board: what a card shows, the page's own template draws it. */
    record NewCard(UUID id, String number, long version, String title, String client, String priority, String stage,
            boolean unread) {
    }

    private final ObjectMapper json;

    LiveMessages(ObjectMapper json) {
        this.json = json;
    }

    static String projectOf(TicketEvent event) {
        if (event instanceof NoteAdded note) {
            return note.projectKey();
        }
        if (event instanceof TicketCreated created) {
            return created.projectKey();
        }
        TicketSnapshot snapshot = snapshotOf(event);
        return snapshot == null ? null : snapshot.projectKey();
    }

    Optional<Message> forTicketPage(TicketEvent event) {
        if (event instanceof NoteAdded note) {
            String author = note.authorName() != null ? note.authorName() : note.authorType().name().toLowerCase();
            List<AttachmentView> files = note.attachments() == null ? List.of() : note.attachments().stream()
                    .map(file -> new AttachmentView(file.id(), file.filename(), file.contentType(), file.size(),
                            note.noteId(), null, note.createdAt()))
                    .toList();
            NoteView view = new NoteView(note.noteId(), note.authorType(), note.authorName(), null, note.body(),
                    note.publicNote(), note.createdAt(), files, null, false); // NoteAdded carries no match; a reload shows it
            return message("note", new NewNote(note.version(), note.noteId(), author, AgentPages.noteHtml(view)));
        }
        if (event instanceof TicketStageChanged moved) {
            return message("changed", new Change(moved.version(),
                    moved.actor() + " moved this ticket to " + moved.ticket().stage() + "."));
        }
        if (event instanceof TicketAssigned assigned) {
            String to = assigned.ticket().assignees().isEmpty() ? "nobody" : String.join(", ", assigned.ticket().assignees());
            return message("changed", new Change(assigned.version(), assigned.actor() + " assigned this ticket to " + to + "."));
        }
        if (event instanceof TicketUpdated updated) {
            return message("changed", new Change(updated.version(), updated.actor() + " changed " + fields(updated) + "."));
        }
        return Optional.empty();
    }

    Message changedSinceLoaded(long version) {
        return message("changed", new Change(version, "This ticket changed since the page was loaded.")).orElseThrow();
    }

    Optional<Message> forBoard(TicketEvent event) {
        if (event instanceof TicketStageChanged moved) {
            return message("moved", new Moved(moved.ticket().number(), moved.version(), moved.ticket().stage()));
        }
        if (event instanceof TicketCreated created) {
            // unread as TicketService marks it: whatever a client opened waits for an agent
            return message("created", new NewCard(created.ticketId(), created.number(), created.version(),
                    created.title(), created.clientName() != null ? created.clientName() : created.clientEmail(),
                    created.priority().name(), created.stage(), created.source() != TicketSource.AGENT));
        }
        if (event instanceof NoteAdded note) {
            // As TicketService marks it: a client writing makes it unread, an agent answering makes it read.
            Boolean unread = note.authorType() == NoteAuthor.CLIENT ? Boolean.TRUE
                    : note.authorType() == NoteAuthor.AGENT ? Boolean.FALSE : null;
            return message("changed", new CardChange(note.number(), note.version(), null, unread, null));
        }
        if (event instanceof TicketUpdated || event instanceof TicketAssigned) {
            TicketSnapshot ticket = snapshotOf(event);
            return message("changed", new CardChange(ticket.number(), event.version(), ticket.title(), null, null));
        }
        return Optional.empty();
    }

    private static String fields(TicketUpdated updated) {
        return updated.changes().stream().map(FieldChange::field)
                .map(field -> field.startsWith("customFields.") ? field.substring("customFields.".length()) : field)
                .collect(Collectors.joining(", "));
    }

    private static TicketSnapshot snapshotOf(TicketEvent event) {
        if (event instanceof TicketStageChanged e) {
            return e.ticket();
        }
        if (event instanceof TicketUpdated e) {
            return e.ticket();
        }
        if (event instanceof TicketAssigned e) {
            return e.ticket();
        }
        if (event instanceof TicketClosed e) {
            return e.ticket();
        }
        if (event instanceof TicketReopened e) {
            return e.ticket();
        }
        return null;
    }

    private Optional<Message> message(String name, Object data) {
        try {
            return Optional.of(new Message(name, json.writeValueAsString(data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write live message " + name, e);
        }
    }
}
