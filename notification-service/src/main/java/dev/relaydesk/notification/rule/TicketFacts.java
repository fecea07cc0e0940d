package dev.relaydesk.notification.rule;

import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.TicketAssigned;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketEvent;
import dev.relaydesk.events.TicketReopened;
import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.events.TicketStageChanged;
import dev.relaydesk.events.TicketUpdated;
import dev.relaydesk.notification.ticket.KnownTicket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What rules test and templates show of a ticket at an event: what the event carries, completed from what
 * earlier events told (a note added carries neither stage, type, priority nor assignees).
 *
 * @param actor who caused the event (an agent's username or the client's address); null when unknown
 * @param noteText the note's text, for note_added
 * @param customFields the ticket's custom-field values as text, by key (empty when none is known)
 * @param clientPhone the client's mobile number for SMS (E.164); null when none is known
 */
public record TicketFacts(UUID ticketId, String number, String projectKey, String projectName, String projectAddress,
        String type, String stage, String priority, String title, String clientEmail, String clientName,
        String threadMessageId, List<String> assignees, String actor, String noteText,
        Map<String, String> customFields, String clientPhone) {

    public static TicketFacts of(TicketEvent event, Optional<KnownTicket> known) {
        if (event instanceof TicketCreated created) {
            return new TicketFacts(created.ticketId(), created.number(), created.projectKey(), created.projectName(),
                    created.projectAddress(), created.type(), created.stage(),
                    created.priority() == null ? null : created.priority().name(), created.title(),
                    created.clientEmail(), created.clientName(), created.threadMessageId(),
                    known.map(t -> t.assignees).orElse(List.of()), null, created.description(),
                    created.customFields() != null ? created.customFields() : fieldsOf(known),
                    created.customFields() != null ? created.clientPhone() : phoneOf(known));
        }
        if (event instanceof NoteAdded note) {
            return new TicketFacts(note.ticketId(), note.number(), note.projectKey(),
                    known.map(t -> t.projectName).orElse(note.projectKey()), note.projectAddress(),
                    known.map(t -> t.type).orElse(null), known.map(t -> t.stage).orElse(null),
                    known.map(t -> t.priority).orElse(null), note.title(), note.clientEmail(), note.clientName(),
                    note.threadMessageId(), known.map(t -> t.assignees).orElse(List.of()), note.authorName(),
                    note.body(), fieldsOf(known), phoneOf(known));
        }
        if (event instanceof TicketStageChanged changed) {
            return of(changed.ticket(), changed.actor(), known);
        }
        if (event instanceof TicketAssigned assigned) {
            return of(assigned.ticket(), assigned.actor(), known);
        }
        if (event instanceof TicketUpdated updated) {
            return of(updated.ticket(), updated.actor(), known);
        }
        if (event instanceof TicketClosed closed) {
            return of(closed.ticket(), closed.actor(), known);
        }
        if (event instanceof TicketReopened reopened) {
            return of(reopened.ticket(), reopened.actor(), known);
        }
        throw new IllegalArgumentException("No rules for " + event.getClass().getSimpleName());
    }

    /** A snapshot from a producer older than custom fields carries none: what earlier events told stands in. */
    private static TicketFacts of(TicketSnapshot ticket, String actor, Optional<KnownTicket> known) {
        return new TicketFacts(ticket.id(), ticket.number(), ticket.projectKey(), ticket.projectName(),
                ticket.projectAddress(), ticket.type(), ticket.stage(),
                ticket.priority() == null ? null : ticket.priority().name(), ticket.title(), ticket.clientEmail(),
                ticket.clientName(), ticket.threadMessageId(), ticket.assignees() == null ? List.of() : ticket.assignees(),
                actor, null, ticket.customFields() != null ? ticket.customFields() : fieldsOf(known),
                ticket.customFields() != null ? ticket.clientPhone() : phoneOf(known));
    }

    private static Map<String, String> fieldsOf(Optional<KnownTicket> known) {
        return known.map(t -> t.customFields).orElse(Map.of());
    }

    private static String phoneOf(Optional<KnownTicket> known) {
        return known.map(t -> t.clientPhone).orElse(null);
    }
}
