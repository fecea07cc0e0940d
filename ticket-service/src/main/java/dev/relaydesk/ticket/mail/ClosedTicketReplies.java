package dev.relaydesk.ticket.mail;

import dev.relaydesk.events.ClosedTicketReplyRefused;
import dev.relaydesk.events.MailReceived;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.messaging.outbox.Outbox;
import dev.relaydesk.ticket.history.HistoryEntry;
import dev.relaydesk.ticket.link.LinkKind;
import dev.relaydesk.ticket.link.TicketLink;
import dev.relaydesk.ticket.link.TicketLinks;
import dev.relaydesk.ticket.note.Note;
import dev.relaydesk.ticket.project.Project;
import dev.relaydesk.ticket.project.WorkflowStage;
import dev.relaydesk.ticket.ticket.Ticket;
import dev.relaydesk.ticket.ticket.TicketService;
import dev.relaydesk.ticket.ticket.TicketService.NewNote;
import dev.relaydesk.ticket.ticket.TicketService.NewTicket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A client's mailed reply to a closed ticket, by the project's policy: it reopens the ticket (within the grace
 * period), opens a follow-up ticket linked to it, or is answered with the project's template while the ticket stays
 * as it was. Agents' and strangers' mails never come here: they stay private notes and reopen nothing.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ClosedTicketReplies {

    private static final Logger LOG = Logger.getLogger(ClosedTicketReplies.class);
    static final String ANSWERED_WITH_TEMPLATE = "reply answered with template";
    /**
     * One automatic answer per ticket in this time, whatever else arrives: a client's auto-responder that ignores our
     * Auto-Submitted header must not ping-pong with us.
     */
    private static final Duration ONE_ANSWER_PER = Duration.ofDays(1);

    private final TicketService tickets;
    private final Outbox outbox;
    private final TicketLinks links;

    ClosedTicketReplies(TicketService tickets, Outbox outbox, TicketLinks links) {
        this.tickets = tickets;
        this.outbox = outbox;
        this.links = links;
    }

    /** @return the ticket the mail now belongs to (the closed one, or its follow-up) */
    public Ticket accept(MailThreading.Match match, MailReceived mail) {
        Ticket ticket = match.ticket();
        Project project = ticket.project;
        return switch (project.closedReplyPolicy) {
            case REOPEN -> withinGracePeriod(ticket, project) ? reopen(match, mail) : followUp(match, mail);
            case NEW_LINKED -> followUp(match, mail);
            case ANSWER_WITH_TEMPLATE -> answerWithTemplate(match, mail);
        };
    }

    private static boolean withinGracePeriod(Ticket ticket, Project project) {
        Instant closedAt = ticket.closedAt != null ? ticket.closedAt : ticket.updatedAt;
        return Instant.now().isBefore(closedAt.plus(Duration.ofDays(project.reopenGraceDays)));
    }

    /** Back to the first stage, through the normal stage change (history, TicketReopened), then the client's note. */
    private Ticket reopen(MailThreading.Match match, MailReceived mail) {
        Ticket ticket = match.ticket();
        tickets.moveToStage(ticket, WorkflowStage.first(ticket.project.id), ticket.version, NoteAuthor.CLIENT,
                mail.fromAddress());
        clientNote(ticket, match, mail);
        return ticket;
    }

    /**
     * A new ticket for the client in the closed ticket's project, linked to it. A further reply to the closed
     * ticket's thread joins the open follow-up instead of opening yet another one.
     */
    private Ticket followUp(MailThreading.Match match, MailReceived mail) {
        Ticket closed = match.ticket();
        Optional<Ticket> open = TicketLink.openFollowUpOf(closed.id).filter(followUp -> followUp.isClient(mail.fromAddress()));
        if (open.isPresent()) {
            clientNote(open.get(), match, mail);
            return open.get();
        }
        String subject = mail.subject() == null || mail.subject().isBlank() ? closed.title : mail.subject().strip();
        Ticket followUp = tickets.open(NewTicket.fromMail(closed.project, subject, mail.textBody(), mail.fromAddress(),
                mail.fromName(), mail.messageId()));
        links.link(followUp, closed, LinkKind.FOLLOW_UP, mail.fromAddress());
        LOG.infof("Mail %s answered closed ticket %s: opened %s as its follow-up", mail.mailId(), closed.displayNumber(),
                followUp.displayNumber());
        return followUp;
    }

    /**
     * The conversation stays as it was; agents get a private record of what the client wrote, and the client an
     * automatic answer (notification-service, on {@link ClosedTicketReplyRefused}).
     */
    private Ticket answerWithTemplate(MailThreading.Match match, MailReceived mail) {
        Ticket ticket = match.ticket();
        Note record = tickets.addNote(ticket, new NewNote(NoteAuthor.SYSTEM, mail.fromName(), mail.fromAddress(),
                "Not added to the conversation: the ticket is closed, and this project answers replies to closed"
                        + " tickets with an automatic mail. The client wrote:\n\n" + mail.textBody(),
                false, false, mail.messageId()));
        record.matchedBy = match.matchedBy();
        Instant now = Instant.now();
        if (HistoryEntry.count("ticketId = ?1 and action = ?2 and at > ?3", ticket.id, ANSWERED_WITH_TEMPLATE,
                now.minus(ONE_ANSWER_PER)) > 0) {
            LOG.infof("Mail %s on closed ticket %s: answered with the template within the last day already; not again",
                    mail.mailId(), ticket.displayNumber());
            return ticket;
        }
        HistoryEntry.record(ticket.id, mail.fromAddress(), ANSWERED_WITH_TEMPLATE, null, now);
        Project project = ticket.project;
        outbox.publish(new ClosedTicketReplyRefused(ticket.id, ticket.version, ticket.displayNumber(), project.key,
                project.name, project.inboundAddress, ticket.title, ticket.clientEmail, ticket.clientName, mail.mailId(),
                mail.messageId(), mail.subject(), ticket.threadMessageId, now));
        return ticket;
    }

    private void clientNote(Ticket ticket, MailThreading.Match match, MailReceived mail) {
        Note note = tickets.addNote(ticket, new NewNote(NoteAuthor.CLIENT, mail.fromName(), mail.fromAddress(),
                mail.textBody(), true, false, mail.messageId()));
        note.matchedBy = match.matchedBy();
    }
}
