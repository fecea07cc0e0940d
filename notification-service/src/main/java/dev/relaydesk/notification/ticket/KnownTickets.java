package dev.relaydesk.notification.ticket;

import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the latest state of each ticket from its events (they may come out of order: the highest version
 * wins), in the consuming transaction. Used for previews and to know a ticket's assignees when a note
 * comes in, since NoteAdded does not carry them.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class KnownTickets {

    @Transactional(TxType.SUPPORTS)
    public Optional<KnownTicket> find(UUID ticketId) {
        return KnownTicket.findByIdOptional(ticketId);
    }

    public void created(TicketCreated event) {
        KnownTicket ticket = newer(event.ticketId(), event.version());
        if (ticket != null) {
            ticket.number = event.number();
            ticket.projectKey = event.projectKey();
            ticket.projectName = event.projectName();
            ticket.title = event.title();
            ticket.stage = event.stage();
            ticket.clientEmail = event.clientEmail();
            ticket.clientName = event.clientName();
            ticket.type = event.type();
            ticket.priority = event.priority() == null ? null : event.priority().name();
            if (ticket.assignees == null) {
                ticket.assignees = List.of();
            }
            remember(ticket, event.customFields(), event.clientPhone());
            ticket.persist();
        }
    }

    public void changed(TicketSnapshot snapshot, long version) {
        KnownTicket ticket = newer(snapshot.id(), version);
        if (ticket != null) {
            ticket.number = snapshot.number();
            ticket.projectKey = snapshot.projectKey();
            ticket.projectName = snapshot.projectName();
            ticket.title = snapshot.title();
            ticket.stage = snapshot.stage();
            ticket.clientEmail = snapshot.clientEmail();
            ticket.clientName = snapshot.clientName();
            ticket.type = snapshot.type();
            ticket.priority = snapshot.priority() == null ? null : snapshot.priority().name();
            if (snapshot.assignees() != null) {
                ticket.assignees = snapshot.assignees();
            }
            remember(ticket, snapshot.customFields(), snapshot.clientPhone());
            ticket.persist();
        }
    }

    /** A note carries no project name, stage or assignees: those stay as the other events left them. */
    public void noteAdded(NoteAdded note) {
        KnownTicket ticket = KnownTicket.findById(note.ticketId());
        if (ticket == null) {
            ticket = blank(note.ticketId(), note.version());
            ticket.number = note.number();
            ticket.projectKey = note.projectKey();
            ticket.title = note.title();
            ticket.clientEmail = note.clientEmail();
            ticket.clientName = note.clientName();
        } else if (note.version() > ticket.version) {
            ticket.version = note.version();
            ticket.title = note.title();
            ticket.clientEmail = note.clientEmail();
            ticket.clientName = note.clientName();
        }
        if (note.publicNote() && (ticket.lastNoteAt == null || !note.createdAt().isBefore(ticket.lastNoteAt))) {
            ticket.lastNoteText = note.body();
            ticket.lastNoteAuthor = note.authorName();
            ticket.lastNoteAt = note.createdAt();
        }
        ticket.updatedAt = Instant.now();
        ticket.persist();
    }

    /**
     * An event from a producer older than these fields carries neither (null): what we knew stays. A newer one
     * always carries the custom fields; the phone then is what the ticket has now, null when it has none.
     */
    private static void remember(KnownTicket ticket, Map<String, String> customFields, String clientPhone) {
        if (customFields != null) {
            ticket.customFields = customFields;
            ticket.clientPhone = clientPhone;
        }
    }

    /**
     * The ticket's row to overwrite with a newer state (the caller fills it, then persists it), or null when
     * what we have is already newer.
     */
    private KnownTicket newer(UUID ticketId, long version) {
        KnownTicket ticket = KnownTicket.findById(ticketId);
        if (ticket == null) {
            ticket = blank(ticketId, version);
        } else if (version < ticket.version) {
            return null;
        }
        ticket.version = version;
        ticket.updatedAt = Instant.now();
        return ticket;
    }

    private static KnownTicket blank(UUID ticketId, long version) {
        KnownTicket ticket = new KnownTicket();
        ticket.ticketId = ticketId;
        ticket.version = version;
        ticket.updatedAt = Instant.now();
        return ticket;
    }
}
