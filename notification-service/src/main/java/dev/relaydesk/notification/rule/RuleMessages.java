package dev.relaydesk.notification.rule;

import dev.relaydesk.messaging.mail.ReplyTokens;
import dev.relaydesk.notification.agent.AgentContact;
import dev.relaydesk.notification.agent.AgentDirectory;
import dev.relaydesk.notification.delivery.Delivery;
import dev.relaydesk.notification.delivery.MailComposer;
import dev.relaydesk.notification.delivery.UndeliverableException;
import dev.relaydesk.notification.mail.OutgoingMail;
import dev.relaydesk.notification.mail.OutgoingMail.AutoSubmitted;
import dev.relaydesk.notification.portal.PortalLinks;
import dev.relaydesk.notification.portal.PortalLinks.LinkRequest;
import dev.relaydesk.notification.portal.PortalLinks.LinkResponse;
import dev.relaydesk.notification.template.MailData;
import dev.relaydesk.notification.template.TemplateRenderer;
import dev.relaydesk.notification.ticket.KnownTickets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The words of a rule's message: its template rendered with the ticket at the event. Automated actions are
 * automatic mails ({@code Auto-Submitted: auto-generated}); the client's copy joins the ticket's thread and can be
 * answered like any other.
 */
@ApplicationScoped
public class RuleMessages {

    private final PortalLinks portalLinks;
    private final TemplateRenderer renderer;
    private final AgentDirectory agents;
    private final ReplyTokens replyTokens;
    private final KnownTickets knownTickets;

    RuleMessages(@RestClient PortalLinks portalLinks, TemplateRenderer renderer, AgentDirectory agents,
            ReplyTokens replyTokens, KnownTickets knownTickets) {
        this.portalLinks = portalLinks;
        this.renderer = renderer;
        this.agents = agents;
        this.replyTokens = replyTokens;
        this.knownTickets = knownTickets;
    }

    public OutgoingMail mail(Delivery delivery) {
        NotificationRule rule = ruleOf(delivery);
        TicketFacts facts = factsOf(delivery);
        String toName = facts.clientName();
        List<String> thread = facts.threadMessageId() == null ? List.of() : List.of(facts.threadMessageId());
        if (delivery.recipientAgent != null) {
            AgentContact agent = agents.find(delivery.recipientAgent).orElseThrow(() -> new UndeliverableException(
                    "Keycloak has no user " + delivery.recipientAgent));
            if (agent.email() == null) {
                throw new UndeliverableException("Agent " + delivery.recipientAgent + " has no email address in Keycloak");
            }
            delivery.recipientEmail = agent.email();
            toName = agent.displayName();
            thread = List.of(); // agents' mails stay out of the client's thread
        } else if (rule.audience != NotificationRule.Audience.CLIENT) {
            toName = null;
            thread = List.of();
        }
        MailData data = data(rule, facts);
        String subject = renderer.renderText("subject", rule.subject == null ? "{title}" : rule.subject, data);
        String text = renderer.renderText("body", rule.body, data);
        String html = "<p>" + renderer.renderHtml("body", rule.body, data).replace("\n", "<br>\n") + "</p>";
        return new OutgoingMail(delivery.messageId, facts.projectAddress(), facts.projectName(),
                replyTokens.replyAddress(facts.projectAddress(), delivery.ticketId), delivery.recipientEmail, toName,
                MailComposer.withTicketNumber(subject, facts.number()), text, html, thread,
                AutoSubmitted.AUTO_GENERATED);
    }

    public String sms(Delivery delivery) {
        NotificationRule rule = ruleOf(delivery);
        return renderer.renderText("body", rule.body, data(rule, factsOf(delivery))).strip();
    }

    /** The client's link is minted only when the template shows it (minting needs portal-service). */
    private MailData data(NotificationRule rule, TicketFacts facts) {
        boolean wantsLink = rule.body.contains("portalLink") || rule.subject != null && rule.subject.contains("portalLink")
                || MailData.mentionsBookingLink(rule.body, rule.subject);
        LinkResponse link = wantsLink && facts.clientEmail() != null
                ? portalLinks.mint(facts.ticketId(), new LinkRequest(facts.clientEmail())) : null;
        return new MailData(link == null ? null : link.url(), MailData.firstName(facts.clientName()), facts.clientName(),
                facts.number(), facts.title(), facts.stage(), facts.noteText(), facts.actor(), facts.projectName())
                .withBookingLink(link == null ? null : link.bookingUrl());
    }

    private TicketFacts factsOf(Delivery delivery) {
        return TicketFacts.of(delivery.cause(), knownTickets.find(delivery.ticketId));
    }

    private static NotificationRule ruleOf(Delivery delivery) {
        NotificationRule rule = NotificationRule.findById(delivery.ruleId);
        if (rule == null) {
            throw new UndeliverableException("The rule " + delivery.ruleId + " was deleted");
        }
        return rule;
    }
}
