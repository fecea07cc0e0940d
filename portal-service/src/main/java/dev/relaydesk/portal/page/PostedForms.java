package dev.relaydesk.portal.page;

import dev.relaydesk.portal.action.FormTokens;
import dev.relaydesk.portal.link.AccessLink;
import dev.relaydesk.portal.link.AccessLinks;
import dev.relaydesk.portal.ticket.PortalTicket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * What every form posted through a ticket link checks first (the ticket page's and the booking page's), as an answer
 * rather than an exception, so that nothing reaches the API's problem mapper: an unknown or revoked link is the
 * not-found page, a stale or foreign form token the expired-form page (403); with {@code needsTicket}, a ticket that
 * has not reached the portal yet sends the browser back to the ticket's page.
 */
@ApplicationScoped
class PostedForms {

    private final AccessLinks links;
    private final FormTokens formTokens;

    PostedForms(AccessLinks links, FormTokens formTokens) {
        this.links = links;
        this.formTokens = formTokens;
    }

    /** The link and the ticket (null while it has not arrived, when not needed) to go on with, or the answer. */
    PostedForm check(String token, String csrf, boolean needsTicket) {
        Optional<AccessLink> link = links.resolve(token);
        if (link.isEmpty()) {
            return PostedForm.answered(TicketPage.notFound());
        }
        if (!formTokens.isValid(link.get().id, csrf)) {
            return PostedForm.answered(Response.status(Response.Status.FORBIDDEN)
                    .entity(TicketPage.Templates.expiredForm(token)).build());
        }
        PortalTicket ticket = PortalTicket.findById(link.get().ticketId);
        if (needsTicket && (ticket == null || !ticket.isReady())) {
            return PostedForm.answered(TicketPage.backToThePage(token));
        }
        return new PostedForm(link.get(), ticket, null);
    }

    /** A posted form's link and ticket, or the answer that ends the request. */
    record PostedForm(AccessLink link, PortalTicket ticket, Response answer) {

        static PostedForm answered(Response answer) {
            return new PostedForm(null, null, answer);
        }

        boolean answered() {
            return answer != null;
        }
    }
}
