package dev.relaydesk.notification.delivery;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.notification.mail.MailTemplates;
import dev.relaydesk.notification.mail.OutgoingMail;
import dev.relaydesk.notification.mail.OutgoingMail.AutoSubmitted;
import dev.relaydesk.notification.portal.PortalLinks;
import dev.relaydesk.notification.portal.PortalLinks.LinkRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Turns a queued delivery into the mail to send, minting the client's link as late as possible. */
@ApplicationScoped
public class MailComposer {

    private final PortalLinks portalLinks;

    MailComposer(@RestClient PortalLinks portalLinks) {
        this.portalLinks = portalLinks;
    }

    public OutgoingMail compose(Delivery delivery) {
        return switch (delivery.kind) {
            case TICKET_CONFIRMATION -> confirmation(delivery, EventJson.read(delivery.payload, TicketCreated.class));
            case AGENT_REPLY -> agentReply(delivery, EventJson.read(delivery.payload, NoteAdded.class));
            case TICKET_CLOSED -> closedNotice(delivery, EventJson.read(delivery.payload, TicketClosed.class).ticket());
        };
    }

    private OutgoingMail confirmation(Delivery delivery, TicketCreated ticket) {
        String link = portalLinks.mint(ticket.ticketId(), new LinkRequest(ticket.clientEmail())).url();
        String body = MailTemplates.confirmation(ticket, firstName(ticket.clientName()), link).render();
        return new OutgoingMail(delivery.messageId, ticket.projectAddress(), ticket.projectName(),
                ticket.projectAddress(), ticket.clientEmail(), ticket.clientName(),
                "[" + ticket.number() + "] " + ticket.title(),
                body, List.of(ticket.threadMessageId()), AutoSubmitted.AUTO_REPLIED);
    }

    /** An agent wrote this: no Auto-Submitted, so the client's auto-responder may answer like to any person. */
    private OutgoingMail agentReply(Delivery delivery, NoteAdded note) {
        String body = MailTemplates.agentReply(note, firstName(note.clientName())).render();
        return new OutgoingMail(delivery.messageId, note.projectAddress(), agentDisplayName(note),
                note.projectAddress(), note.clientEmail(), note.clientName(),
                "[" + note.number() + "] Re: " + note.title(),
                body, List.of(note.threadMessageId()), AutoSubmitted.NO);
    }

    private OutgoingMail closedNotice(Delivery delivery, TicketSnapshot ticket) {
        String body = MailTemplates.ticketClosed(ticket, firstName(ticket.clientName())).render();
        return new OutgoingMail(delivery.messageId, ticket.projectAddress(), ticket.projectName(),
                ticket.projectAddress(), ticket.clientEmail(), ticket.clientName(),
                "[" + ticket.number() + "] Closed: " + ticket.title(),
                body, List.of(ticket.threadMessageId()), AutoSubmitted.AUTO_GENERATED);
    }

    private static String agentDisplayName(NoteAdded note) {
        return note.authorName() == null || note.authorName().isBlank() ? "Support" : note.authorName() + " (Support)";
    }

    static String firstName(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return "there";
        }
        return fullName.strip().split("\\s+")[0];
    }
}
