package dev.relaydesk.notification.delivery;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.notification.mail.MailTemplates;
import dev.relaydesk.notification.mail.OutgoingMail;
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
        };
    }

    private OutgoingMail confirmation(Delivery delivery, TicketCreated ticket) {
        String link = portalLinks.mint(ticket.ticketId(), new LinkRequest(ticket.clientEmail())).url();
        String body = MailTemplates.confirmation(ticket, firstName(ticket.clientName()), link).render();
        return new OutgoingMail(delivery.messageId, ticket.projectAddress(), ticket.projectName(),
                ticket.projectAddress(), ticket.clientEmail(), ticket.clientName(),
                "[" + ticket.number() + "] " + ticket.title(), body, List.of(ticket.threadMessageId()), true);
    }

    static String firstName(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return "there";
        }
        return fullName.strip().split("\\s+")[0];
    }
}
