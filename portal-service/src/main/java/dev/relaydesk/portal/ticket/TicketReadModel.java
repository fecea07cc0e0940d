package dev.relaydesk.portal.ticket;

import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketReopened;
import dev.relaydesk.events.TicketUpdated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Applies ticket events to the portal's copy. Events of one ticket may arrive out of order across topics:
 * the highest version wins, and a note never waits for its ticket.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class TicketReadModel {

    public void apply(TicketCreated event) {
        PortalTicket ticket = PortalTicket.findOrStart(event.ticketId());
        ticket.description = event.description();
        ticket.createdAt = event.createdAt();
        ticket.advanceTo(event.version(), event.number(), event.projectKey(), event.title(), event.clientEmail(),
                event.clientName(), event.status(), event.createdAt());
        ticket.advanceDetailsTo(event.version(), event.type(), event.priority());
        ticket.persist();
        PortalProject.named(event.projectKey(), event.projectName(), event.createdAt());
    }

    public void apply(TicketUpdated event) {
        PortalTicket ticket = PortalTicket.findOrStart(event.ticketId());
        ticket.advanceTo(event.version(), event.ticket(), event.updatedAt());
        ticket.persist();
        PortalProject.named(event.ticket().projectKey(), event.ticket().projectName(), event.updatedAt());
    }

    public void apply(NoteAdded event) {
        PortalTicket ticket = PortalTicket.findOrStart(event.ticketId());
        ticket.advanceTo(event.version(), event.number(), event.projectKey(), event.title(), event.clientEmail(),
                event.clientName(), event.status(), event.createdAt());
        ticket.persist();
        if (event.publicNote() && PortalNote.findById(event.noteId()) == null) {
            PortalNote note = new PortalNote();
            note.noteId = event.noteId();
            note.ticketId = event.ticketId();
            note.authorType = event.authorType();
            note.authorName = event.authorName();
            note.body = event.body();
            note.createdAt = event.createdAt();
            note.persist();
        }
    }

    public void apply(TicketClosed event) {
        PortalTicket ticket = PortalTicket.findOrStart(event.ticketId());
        ticket.advanceTo(event.version(), event.ticket(), event.closedAt());
        ticket.persist();
        PortalProject.named(event.ticket().projectKey(), event.ticket().projectName(), event.closedAt());
    }

    public void apply(TicketReopened event) {
        PortalTicket ticket = PortalTicket.findOrStart(event.ticketId());
        ticket.advanceTo(event.version(), event.ticket(), event.reopenedAt());
        ticket.persist();
        PortalProject.named(event.ticket().projectKey(), event.ticket().projectName(), event.reopenedAt());
    }
}
