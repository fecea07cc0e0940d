package dev.relaydesk.notification.delivery;

import dev.relaydesk.events.AccessCodeRequested;
import dev.relaydesk.events.AppointmentChanged;
import dev.relaydesk.events.ClosedTicketReplyRefused;
import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.RelaydeskEvent;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketReopened;
import dev.relaydesk.events.TicketSource;
import dev.relaydesk.messaging.tracing.TraceParent;
import dev.relaydesk.notification.delivery.Delivery.Status;
import dev.relaydesk.notification.settings.ProjectSetting;
import dev.relaydesk.notification.settings.ProjectSettings;
import dev.relaydesk.notification.template.MailKind;
import dev.relaydesk.notification.ticket.KnownTickets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Decides which messages an event owes, and queues them: the project's switches say which notifications go
 * out, and nobody is mailed about their own action.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);

    /** Tickets a client opened; one an agent or a script opened is not news to the agents. */
    private static final Set<TicketSource> CLIENT_SOURCES = EnumSet.of(TicketSource.EMAIL, TicketSource.WEB_FORM,
            TicketSource.PORTAL);

    private final String mailDomain;
    private final ProjectSettings settings;
    private final KnownTickets knownTickets;
    private final DispatchSoon dispatchSoon;

    Deliveries(@ConfigProperty(name = "relaydesk.mail.domain") String mailDomain, ProjectSettings settings,
            KnownTickets knownTickets, DispatchSoon dispatchSoon) {
        this.dispatchSoon = dispatchSoon;
        this.mailDomain = mailDomain;
        this.settings = settings;
        this.knownTickets = knownTickets;
    }

    /**
     * The client is told their ticket exists, with their link; the agents ticket-service names are told of a
     * ticket a client opened (one an agent opened for a client is that agent's own action).
     */
    public void onTicketCreated(TicketCreated event) {
        ProjectSetting project = settings.of(event.projectKey());
        if (project.clientOnCreated) {
            queue(MailKind.TICKET_CONFIRMATION, "ticket:" + event.ticketId(), event.ticketId(), event.clientEmail(),
                    null, event);
        }
        if (project.agentsOnNewTicket && CLIENT_SOURCES.contains(event.source()) && event.agentsToNotify() != null) {
            for (String agent : event.agentsToNotify()) {
                queue(MailKind.NEW_TICKET, "ticket:" + event.ticketId() + ":agent:" + agent, event.ticketId(), null,
                        agent, event);
            }
        }
    }

    /** An agent's public answer goes to the client, unless the agent chose not to notify; never a private note. */
    public void onNoteAdded(NoteAdded event) {
        ProjectSetting project = settings.of(event.projectKey());
        if (event.publicNote() && event.notifyClient() && event.authorType() == NoteAuthor.AGENT
                && project.clientOnPublicNote) {
            queue(MailKind.AGENT_REPLY, "note:" + event.noteId(), event.ticketId(), event.clientEmail(), null, event);
        }
        if (event.authorType() == NoteAuthor.CLIENT && event.publicNote() && project.agentsOnClientNote) {
            List<String> assignees = knownTickets.find(event.ticketId()).map(ticket -> ticket.assignees).orElse(null);
            for (String agent : assignees == null ? List.<String>of() : assignees) {
                if (!isActor(agent, event.authorName())) {
                    queue(MailKind.CLIENT_NOTE, "note:" + event.noteId() + ":agent:" + agent, event.ticketId(), null,
                            agent, event);
                }
            }
        }
    }

    /** The client is told their ticket was closed, unless they closed it themselves. */
    public void onTicketClosed(TicketClosed event) {
        if (event.closedBy() != NoteAuthor.CLIENT && settings.of(event.ticket().projectKey()).clientOnClosed
                && !isActor(event.ticket().clientEmail(), event.actor())) {
            queue(MailKind.TICKET_CLOSED, "closed:" + event.ticketId() + ":" + event.version(), event.ticketId(),
                    event.ticket().clientEmail(), null, event);
        }
    }

    /** The client is told their ticket is open again, unless they reopened it themselves. */
    public void onTicketReopened(TicketReopened event) {
        if (event.reopenedBy() != NoteAuthor.CLIENT && settings.of(event.ticket().projectKey()).clientOnReopened
                && !isActor(event.ticket().clientEmail(), event.actor())) {
            queue(MailKind.TICKET_REOPENED, "reopened:" + event.ticketId() + ":" + event.version(), event.ticketId(),
                    event.ticket().clientEmail(), null, event);
        }
    }

    /**
     * The client replied to a closed ticket of a project that answers such replies with its template: one answer
     * per mail of theirs (ticket-service already holds back further ones within a day, against mail loops).
     */
    public void onClosedTicketReplyRefused(ClosedTicketReplyRefused event) {
        queue(MailKind.CLOSED_TICKET_REPLY, "closed-reply:" + event.mailId(), event.ticketId(), event.clientEmail(),
                null, event);
    }

    /**
     * A browser asked for a code to write on the client's ticket: the code goes to the client, once per request. A
     * request that arrives after its code expired (a long outage) sends nothing: the client asks again.
     */
    public void onAccessCodeRequested(AccessCodeRequested event) {
        if (!event.expiresAt().isAfter(Instant.now())) {
            LOG.infof("Access code request %s for ticket %s arrived after its code expired; no mail", event.requestId(),
                    event.ticketId());
            return;
        }
        queue(MailKind.ACCESS_CODE, "access-code:" + event.requestId(), event.ticketId(), event.clientEmail(), null,
                event);
    }

    /** The client booked a call or moved it: they get its time in writing, once per booking. */
    public void onAppointmentChanged(AppointmentChanged event) {
        if (event.change() == AppointmentChanged.Change.CANCELLED) {
            return; // the client just saw it cancelled on the page; nothing to keep in writing
        }
        queue(MailKind.APPOINTMENT_CONFIRMATION, "appointment:" + event.appointmentId(), event.ticketId(),
                event.clientEmail(), null, event);
    }

    /** Whoever did it (an agent's username, a client's address) is not told about it. */
    static boolean isActor(String recipient, String actor) {
        return recipient != null && actor != null && recipient.strip().equalsIgnoreCase(actor.strip());
    }

    private void queue(MailKind kind, String subjectKey, UUID ticketId, String recipient, String agent,
            RelaydeskEvent event) {
        if ((recipient == null || recipient.isBlank()) && agent == null
                || Delivery.count("kind = ?1 and subjectKey = ?2", kind, subjectKey) > 0) {
            return;
        }
        Instant now = Instant.now();
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.kind = kind;
        delivery.subjectKey = subjectKey;
        delivery.ticketId = ticketId;
        delivery.recipientEmail = recipient;
        delivery.recipientAgent = agent;
        delivery.payload = EventJson.write(event);
        delivery.status = Status.QUEUED;
        delivery.nextAttemptAt = now;
        delivery.messageId = delivery.id + "@" + mailDomain;
        delivery.createdAt = now;
        delivery.traceParent = TraceParent.ofCurrent();
        delivery.persist();
        dispatchSoon.afterCommit();
    }
}
