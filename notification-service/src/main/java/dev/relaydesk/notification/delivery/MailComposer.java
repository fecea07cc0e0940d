package dev.relaydesk.notification.delivery;

import dev.relaydesk.events.AccessCodeRequested;
import dev.relaydesk.events.AppointmentChanged;
import dev.relaydesk.events.ClosedTicketReplyRefused;
import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketReopened;
import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.messaging.mail.ReplyTokens;
import dev.relaydesk.notification.agent.AgentContact;
import dev.relaydesk.notification.agent.AgentDirectory;
import dev.relaydesk.notification.mail.OutgoingMail;
import dev.relaydesk.notification.mail.OutgoingMail.AutoSubmitted;
import dev.relaydesk.notification.portal.PortalAccessCodes;
import dev.relaydesk.notification.portal.PortalLinks;
import dev.relaydesk.notification.portal.PortalLinks.LinkRequest;
import dev.relaydesk.notification.portal.PortalLinks.LinkResponse;
import dev.relaydesk.notification.settings.ProjectSettings;
import dev.relaydesk.notification.template.MailData;
import dev.relaydesk.notification.template.MailKind;
import dev.relaydesk.notification.template.RenderedMail;
import dev.relaydesk.notification.template.ShippedTemplates;
import dev.relaydesk.notification.template.TemplateCatalog;
import dev.relaydesk.notification.template.TemplateRenderer;
import dev.relaydesk.notification.template.TemplateText;
import dev.relaydesk.notification.ticket.KnownTicket;
import dev.relaydesk.notification.ticket.KnownTickets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Turns a queued delivery into the mail to send: the project's template for the kind, in the project's
 * language, rendered with what the event said; the client's link is minted as late as possible.
 */
@ApplicationScoped
public class MailComposer {

    private final PortalLinks portalLinks;
    private final PortalAccessCodes accessCodes;
    private final TemplateCatalog catalog;
    private final TemplateRenderer renderer;
    private final ProjectSettings settings;
    private final KnownTickets knownTickets;
    private final AgentDirectory agents;
    private final ReplyTokens replyTokens;

    /** The sender of mails that expect no answer (one-time codes). */
    private final String noReplyAddress;

    MailComposer(@RestClient PortalLinks portalLinks, @RestClient PortalAccessCodes accessCodes,
            TemplateCatalog catalog, TemplateRenderer renderer, ProjectSettings settings, KnownTickets knownTickets,
            AgentDirectory agents, ReplyTokens replyTokens,
            @ConfigProperty(name = "relaydesk.notification.no-reply-address") String noReplyAddress) {
        this.noReplyAddress = noReplyAddress;
        this.agents = agents;
        this.replyTokens = replyTokens;
        this.portalLinks = portalLinks;
        this.accessCodes = accessCodes;
        this.catalog = catalog;
        this.renderer = renderer;
        this.settings = settings;
        this.knownTickets = knownTickets;
    }

    /** Where a mail goes and how it threads; the template gives its words. */
    private record Envelope(String projectKey, String projectAddress, String fromName, String toAddress, String toName,
            String threadMessageId, AutoSubmitted autoSubmitted) {
    }

    public OutgoingMail compose(Delivery delivery) {
        return switch (delivery.kind) {
            case TICKET_CONFIRMATION -> confirmation(delivery, EventJson.read(delivery.payload, TicketCreated.class));
            case AGENT_REPLY -> agentReply(delivery, EventJson.read(delivery.payload, NoteAdded.class));
            case TICKET_CLOSED -> {
                TicketClosed closed = EventJson.read(delivery.payload, TicketClosed.class);
                yield notice(delivery, closed.ticket(), closed.closedBy() == NoteAuthor.AGENT ? closed.actor() : null);
            }
            case TICKET_REOPENED -> {
                TicketReopened reopened = EventJson.read(delivery.payload, TicketReopened.class);
                yield notice(delivery, reopened.ticket(),
                        reopened.reopenedBy() == NoteAuthor.AGENT ? reopened.actor() : null);
            }
            case CLOSED_TICKET_REPLY -> closedTicketAnswer(delivery,
                    EventJson.read(delivery.payload, ClosedTicketReplyRefused.class));
            case CLIENT_NOTE -> clientNoteToAgent(delivery, EventJson.read(delivery.payload, NoteAdded.class));
            case NEW_TICKET -> newTicketToAgent(delivery, EventJson.read(delivery.payload, TicketCreated.class));
            case ACCESS_CODE -> accessCode(delivery, EventJson.read(delivery.payload, AccessCodeRequested.class));
            case APPOINTMENT_CONFIRMATION -> appointment(delivery,
                    EventJson.read(delivery.payload, AppointmentChanged.class));
            case AUTOMATED_ACTION -> throw new IllegalStateException("A rule's message is composed by RuleMessages");
        };
    }

    /** The data a preview of this ticket shows: what the latest events said, without minting a real link. */
    public MailData previewData(KnownTicket ticket) {
        return new MailData("https://portal.example/t/preview-link", MailData.firstName(ticket.clientName),
                ticket.clientName, ticket.number, ticket.title, ticket.stage, ticket.lastNoteText,
                ticket.lastNoteAuthor, ticket.projectName != null ? ticket.projectName : ticket.projectKey);
    }

    private OutgoingMail confirmation(Delivery delivery, TicketCreated ticket) {
        LinkResponse link = portalLinks.mint(ticket.ticketId(), new LinkRequest(ticket.clientEmail()));
        MailData data = new MailData(link.url(), MailData.firstName(ticket.clientName()), ticket.clientName(),
                ticket.number(), ticket.title(), ticket.stage(), null, null, ticket.projectName())
                .withBookingLink(link.bookingUrl());
        return render(delivery, data, new Envelope(ticket.projectKey(), ticket.projectAddress(), ticket.projectName(),
                ticket.clientEmail(), ticket.clientName(), ticket.threadMessageId(), AutoSubmitted.AUTO_REPLIED));
    }

    /** An agent wrote this: no Auto-Submitted, so the client's auto-responder may answer like to any person. */
    private OutgoingMail agentReply(Delivery delivery, NoteAdded note) {
        Optional<KnownTicket> known = knownTickets.find(note.ticketId());
        String projectName = known.map(t -> t.projectName).orElse(note.projectKey());
        MailData data = new MailData(null, MailData.firstName(note.clientName()), note.clientName(), note.number(),
                note.title(), known.map(t -> t.stage).orElse(null), note.body(), note.authorName(), projectName);
        return render(delivery, data, new Envelope(note.projectKey(), note.projectAddress(), agentDisplayName(note),
                note.clientEmail(), note.clientName(), note.threadMessageId(), AutoSubmitted.NO));
    }

    /** Closing and reopening notices: automatic, not answers to a mail. */
    private OutgoingMail notice(Delivery delivery, TicketSnapshot ticket, String agent) {
        MailData data = new MailData(null, MailData.firstName(ticket.clientName()), ticket.clientName(),
                ticket.number(), ticket.title(), ticket.stage(), null, agent, ticket.projectName());
        return render(delivery, data, new Envelope(ticket.projectKey(), ticket.projectAddress(), ticket.projectName(),
                ticket.clientEmail(), ticket.clientName(), ticket.threadMessageId(), AutoSubmitted.AUTO_GENERATED));
    }

    /**
     * The answer to the client's reply to a closed ticket: an automatic reply to their very mail (In-Reply-To it),
     * so their mail program shows it as the answer and robots do not answer it back.
     */
    private OutgoingMail closedTicketAnswer(Delivery delivery, ClosedTicketReplyRefused refused) {
        MailData data = new MailData(null, MailData.firstName(refused.clientName()), refused.clientName(),
                refused.number(), refused.title(), null, null, null, refused.projectName());
        String answered = refused.replyMessageId() != null ? refused.replyMessageId() : refused.threadMessageId();
        return render(delivery, data, new Envelope(refused.projectKey(), refused.projectAddress(), refused.projectName(),
                refused.clientEmail(), refused.clientName(), answered, AutoSubmitted.AUTO_REPLIED));
    }

    /**
     * The one-time code a browser asked for, to the ticket's client: automatic, from the no-reply address, no reply
     * token (nothing comes back to the ticket), and never once the code has expired.
     */
    private OutgoingMail accessCode(Delivery delivery, AccessCodeRequested requested) {
        Instant now = Instant.now();
        if (!requested.expiresAt().isAfter(now)) {
            // no need to ask portal-service, even when it is down: the mail would be worthless
            throw new UndeliverableException("The code expired before it could be sent");
        }
        String code = issuedCode(requested);
        String projectName = knownTickets.find(requested.ticketId()).map(ticket -> ticket.projectName)
                .filter(name -> name != null && !name.isBlank()).orElse(requested.projectKey());
        long minutes = Math.max(1, Duration.between(now, requested.expiresAt()).plusSeconds(59).toMinutes());
        MailData data = new MailData(null, MailData.firstName(requested.clientName()), requested.clientName(),
                requested.number(), requested.title(), null, null, null, projectName, code,
                Long.toString(minutes));
        RenderedMail mail = renderer.render(catalog.effective(requested.projectKey(), delivery.kind,
                languageFor(requested.projectKey(), requested.language())).text(), data);
        return new OutgoingMail(delivery.messageId, noReplyAddress, projectName, null, requested.clientEmail(),
                requested.clientName(), withTicketNumber(mail.subject(), requested.number()), mail.text(), mail.html(),
                List.of(), AutoSubmitted.AUTO_GENERATED);
    }

    /**
     * The call the client booked (or moved to), in the project's time zone, with the page to move or cancel it:
     * automatic, from the no-reply address like the one-time codes (the booking page, not a reply, changes a call).
     */
    private OutgoingMail appointment(Delivery delivery, AppointmentChanged call) {
        LinkResponse link = portalLinks.mint(call.ticketId(), new LinkRequest(call.clientEmail()));
        String projectName = knownTickets.find(call.ticketId()).map(ticket -> ticket.projectName)
                .filter(name -> name != null && !name.isBlank()).orElse(call.projectKey());
        MailData data = new MailData(link.url(), MailData.firstName(call.clientName()), call.clientName(),
                call.number(), call.title(), null, null, null, projectName, null, null,
                link.bookingUrl() != null ? link.bookingUrl() : link.url() + "/book", AppointmentTimes.span(call));
        RenderedMail mail = renderer.render(catalog.effective(call.projectKey(), delivery.kind,
                settings.languageOf(call.projectKey())).text(), data);
        return new OutgoingMail(delivery.messageId, noReplyAddress, projectName, null, call.clientEmail(),
                call.clientName(), withTicketNumber(mail.subject(), call.number()), mail.text(), mail.html(),
                List.of(), AutoSubmitted.AUTO_GENERATED);
    }

    /** Made by portal-service now, so the code never waits in an event or in the delivery log. */
    private String issuedCode(AccessCodeRequested requested) {
        try {
            return accessCodes.issue(requested.requestId()).code();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == Response.Status.GONE.getStatusCode()) {
                throw new UndeliverableException("The code was replaced, expired or locked before it could be sent");
            }
            throw e;
        }
    }

    /** What the client wrote, to an agent the ticket is assigned to. */
    private OutgoingMail clientNoteToAgent(Delivery delivery, NoteAdded note) {
        AgentContact agent = agentOf(delivery);
        Optional<KnownTicket> known = knownTickets.find(note.ticketId());
        String projectName = known.map(t -> t.projectName).orElse(note.projectKey());
        MailData data = new MailData(null, MailData.firstName(note.clientName()), note.clientName(), note.number(),
                note.title(), known.map(t -> t.stage).orElse(null), note.body(), agent.displayName(), projectName);
        return render(delivery, data, agentEnvelope(note.projectKey(), note.projectAddress(), projectName, agent),
                agent.locale());
    }

    /** A ticket a client opened, to an agent ticket-service named. */
    private OutgoingMail newTicketToAgent(Delivery delivery, TicketCreated ticket) {
        AgentContact agent = agentOf(delivery);
        MailData data = new MailData(null, MailData.firstName(ticket.clientName()), ticket.clientName(),
                ticket.number(), ticket.title(), ticket.stage(), ticket.description(), agent.displayName(),
                ticket.projectName());
        return render(delivery, data, agentEnvelope(ticket.projectKey(), ticket.projectAddress(), ticket.projectName(),
                agent), agent.locale());
    }

    /**
     * Mails to agents do not join the client's thread and are automatic. An agent's reply to one still reaches the
     * ticket (by its Message-ID or reply token), but never as a client note: ticket-service knows the address as
     * this agent's from {@code NotificationSent.recipientAgent} and keeps the reply as the agent's private note.
     */
    private static Envelope agentEnvelope(String projectKey, String projectAddress, String projectName, AgentContact agent) {
        return new Envelope(projectKey, projectAddress, projectName + " (Relay Desk)", agent.email(),
                agent.displayName(), null, AutoSubmitted.AUTO_GENERATED);
    }

    private AgentContact agentOf(Delivery delivery) {
        AgentContact agent = agents.find(delivery.recipientAgent).orElseThrow(() -> new UndeliverableException(
                "Keycloak has no user " + delivery.recipientAgent));
        if (agent.email() == null) {
            throw new UndeliverableException("Agent " + delivery.recipientAgent + " has no email address in Keycloak");
        }
        delivery.recipientEmail = agent.email();
        return agent;
    }

    private OutgoingMail render(Delivery delivery, MailData data, Envelope envelope) {
        return render(delivery, data, envelope, null);
    }

    /** @param recipientLanguage the recipient's own language if known and shipped; else the project's */
    private OutgoingMail render(Delivery delivery, MailData data, Envelope envelope, String recipientLanguage) {
        String language = languageFor(envelope.projectKey(), recipientLanguage);
        TemplateText template = catalog.effective(envelope.projectKey(), delivery.kind, language).text();
        if (data.bookingLink() == null && delivery.recipientAgent == null && delivery.ticketId != null
                && MailData.mentionsBookingLink(template.subject(), template.text(), template.html())) {
            // an admin put {bookingLink} into a template that carries no link of its own: mint one now
            LinkResponse link = portalLinks.mint(delivery.ticketId, new LinkRequest(envelope.toAddress()));
            data = data.withBookingLink(link.bookingUrl());
        }
        RenderedMail mail = renderer.render(template, data);
        // Replies go to the project's address plus the ticket's token: the surest way back to the ticket, whatever
        // the replying mail program does to the threading headers and the subject.
        return new OutgoingMail(delivery.messageId, envelope.projectAddress(), envelope.fromName(),
                replyTokens.replyAddress(envelope.projectAddress(), delivery.ticketId), envelope.toAddress(), envelope.toName(),
                withTicketNumber(mail.subject(), data.ticketNumber()), mail.text(), mail.html(),
                envelope.threadMessageId() == null ? List.of() : List.of(envelope.threadMessageId()),
                envelope.autoSubmitted());
    }

    private String languageFor(String projectKey, String recipientLanguage) {
        return recipientLanguage != null && ShippedTemplates.supports(recipientLanguage) ? recipientLanguage
                : settings.languageOf(projectKey);
    }

    /** mail-ingest threads replies by "[SUP-42]" too: an admin's subject cannot lose it. */
    public static String withTicketNumber(String subject, String number) {
        return subject.contains(number) ? subject : "[" + number + "] " + subject;
    }

    private static String agentDisplayName(NoteAdded note) {
        return note.authorName() == null || note.authorName().isBlank() ? "Support" : note.authorName() + " (Support)";
    }
}
