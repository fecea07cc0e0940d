package dev.relaydesk.ticket.mail;

import dev.relaydesk.events.MailReceived;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketStatus;
import dev.relaydesk.ticket.link.LinkKind;
import dev.relaydesk.ticket.link.TicketLinks;
import dev.relaydesk.ticket.mail.rules.MailMatchRules;
import dev.relaydesk.ticket.note.Note;
import dev.relaydesk.ticket.project.Project;
import dev.relaydesk.ticket.routing.MailRouting;
import dev.relaydesk.ticket.screening.TicketRejectedException;
import dev.relaydesk.ticket.ticket.Ticket;
import dev.relaydesk.ticket.ticket.TicketService;
import dev.relaydesk.ticket.ticket.TicketService.NewNote;
import dev.relaydesk.ticket.ticket.TicketService.NewTicket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns an inbound mail into a new ticket, or into a note on the ticket it answers: the client's public note;
 * an agent's private note (an agent mailing back must choose in the UI what the client sees); anyone else's
 * private note flagged for review, kept but never shown or mailed to the client. The client's reply to a closed
 * ticket follows the project's policy ({@link ClosedTicketReplies}).
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class MailIntake {

    private static final Logger LOG = Logger.getLogger(MailIntake.class);
    private static final String NO_SUBJECT = "(no subject)";

    private final MailThreading threading;
    private final TicketService tickets;
    private final ClosedTicketReplies closedTicketReplies;
    private final MailMatchRules rules;
    private final TicketLinks links;

    MailIntake(MailThreading threading, TicketService tickets, ClosedTicketReplies closedTicketReplies,
            MailMatchRules rules, TicketLinks links) {
        this.threading = threading;
        this.tickets = tickets;
        this.closedTicketReplies = closedTicketReplies;
        this.rules = rules;
        this.links = links;
    }

    public void accept(MailReceived mail) {
        if (MailReference.ticketOf(mail.messageId()).isPresent()) {
            // The same mail again (delivered to two of our addresses, or re-sent): it already has its place.
            LOG.debugf("Mail %s is already on a ticket", mail.mailId());
            return;
        }
        FailingAddress.cleared(mail.fromAddress());
        Optional<MailThreading.Match> thread = threading.ticketOf(mail);
        Ticket ticket;
        try {
            ticket = thread.isPresent() ? addReply(thread.get(), mail) : openTicket(mail);
        } catch (TicketRejectedException e) {
            // The screening provider refused it; the mail stays in mail-ingest's store. (Answering the sender with
            // the provider's message is for notification-service, later.)
            LOG.infof("Mail %s made no ticket: screening rejected it (%s)", mail.mailId(), e.getMessage());
            return;
        }
        noteFilesNotOnTheTicket(ticket, mail);
        MailReference.remember(mail.messageId(), ticket.id);
        // a monitoring tool's alert id on the mail that opened (or joined) the ticket: its next alerts thread here
        rules.remember(mail, ticket);
    }

    /**
     * Mail's files do not go on the ticket (the original mail, with every file, stays in mail-ingest); a private note
     * names each one and why, so nothing a client sent disappears unseen, above all a file refused for its size.
     */
    private void noteFilesNotOnTheTicket(Ticket ticket, MailReceived mail) {
        if (mail.attachments().isEmpty()) {
            return;
        }
        StringBuilder body = new StringBuilder("Files of this mail from ").append(mail.fromAddress())
                .append(" that are not on the ticket:\n");
        for (MailReceived.Attachment file : mail.attachments()) {
            body.append("- ").append(file.filename()).append(" (").append(file.contentType()).append(", ")
                    .append(size(file.sizeBytes())).append("): ")
                    .append(file.refusedReason() != null ? "refused, " + file.refusedReason()
                            : "kept with the original mail only")
                    .append('\n');
        }
        body.append("The original mail, with all its files, is kept by mail-ingest (mail ").append(mail.mailId())
                .append(").");
        Note note = tickets.addNote(ticket, new NewNote(NoteAuthor.SYSTEM, "Mail intake", null, body.toString(), false,
                false, null));
        if (mail.attachments().stream().anyMatch(file -> file.refusedReason() != null)) {
            // flagged like a stranger's mail: an agent should tell the client how to send the file instead
            note.needsReview = true;
            LOG.infof("Mail %s on %s: a file was refused for its size", mail.mailId(), ticket.displayNumber());
        }
    }

    private static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
        return bytes >= 1024 ? String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0) : bytes + " bytes";
    }

    /**
     * A new ticket. If its subject names one of our tickets whose client or agents did not send it (a guessable
     * number is no proof), the new ticket is linked to that one, so agents see the relation on both.
     */
    private Ticket openTicket(MailReceived mail) {
        Project project = MailRouting.projectFor(mail.fromAddress(), mail.recipients());
        String title = mail.subject() == null || mail.subject().isBlank() ? NO_SUBJECT : mail.subject().strip();
        Ticket ticket = tickets.open(NewTicket.fromMail(project, title, mail.textBody(), mail.fromAddress(),
                mail.fromName(), mail.messageId()));
        threading.ticketNamedInSubject(mail).ifPresent(named -> {
            LOG.infof("Mail %s names %s in its subject but its sender is not on it: opened %s linked to it",
                    mail.mailId(), named.displayNumber(), ticket.displayNumber());
            links.link(ticket, named, LinkKind.SUBJECT_NUMBER, mail.fromAddress());
        });
        return ticket;
    }

    private Ticket addReply(MailThreading.Match match, MailReceived mail) {
        Ticket ticket = match.ticket();
        Optional<String> agent = AgentAddress.agentOf(ticket.id, mail.fromAddress());
        boolean fromClient = ticket.isClient(mail.fromAddress());
        if (fromClient && ticket.status == TicketStatus.CLOSED) {
            // the project's policy decides; an agent's mail to a closed ticket stays a private note (agents reopen)
            return closedTicketReplies.accept(match, mail);
        }
        NewNote request;
        if (fromClient) {
            request = new NewNote(NoteAuthor.CLIENT, mail.fromName(), mail.fromAddress(), mail.textBody(), true, false,
                    mail.messageId());
        } else if (agent.isPresent()) {
            request = new NewNote(NoteAuthor.AGENT, agent.get(), mail.fromAddress(), mail.textBody(), false, false,
                    mail.messageId());
        } else {
            // a reply-all from someone in copy, a forward, or someone who should not write here: an agent decides
            LOG.infof("Mail %s from an address that is neither client nor agent of ticket %s: kept for review",
                    mail.mailId(), ticket.id);
            request = new NewNote(NoteAuthor.CLIENT, mail.fromName(), mail.fromAddress(), mail.textBody(), false, false,
                    mail.messageId());
        }
        Note note = tickets.addNote(ticket, request);
        note.matchedBy = match.matchedBy();
        note.needsReview = !fromClient && agent.isEmpty();
        return ticket;
    }
}
