package dev.relaydesk.ticket.mail;

import dev.relaydesk.events.MailReceived;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketSource;
import dev.relaydesk.ticket.project.Project;
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

/** Turns an inbound mail into a new ticket, or into a client note on the ticket it answers. */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class MailIntake {

    private static final Logger LOG = Logger.getLogger(MailIntake.class);
    private static final String NO_SUBJECT = "(no subject)";

    private final MailThreading threading;
    private final TicketService tickets;

    MailIntake(MailThreading threading, TicketService tickets) {
        this.threading = threading;
        this.tickets = tickets;
    }

    public void accept(MailReceived mail) {
        if (MailReference.ticketOf(mail.messageId()).isPresent()) {
            // The same mail again (delivered to two of our addresses, or re-sent): it already has its place.
            LOG.debugf("Mail %s is already on a ticket", mail.mailId());
            return;
        }
        Optional<Ticket> thread = threading.ticketOf(mail);
        Ticket ticket;
        try {
            ticket = thread.isPresent() ? addReply(thread.get(), mail) : openTicket(mail);
        } catch (TicketRejectedException e) {
            // The screening provider refused it; the mail stays in mail-ingest's store. (Answering the sender with
            // the provider's message is for notification-service, later.)
            LOG.infof("Mail %s made no ticket: screening rejected it (%s)", mail.mailId(), e.getMessage());
            return;
        }
        MailReference.remember(mail.messageId(), ticket.id);
    }

    private Ticket openTicket(MailReceived mail) {
        Project project = Project.forRecipients(mail.recipients()).orElseGet(Project::defaultProject);
        String title = mail.subject() == null || mail.subject().isBlank() ? NO_SUBJECT : mail.subject().strip();
        return tickets.open(NewTicket.fromMail(project, title, mail.textBody(), mail.fromAddress(), mail.fromName(),
                mail.messageId()));
    }

    private Ticket addReply(Ticket ticket, MailReceived mail) {
        tickets.addNote(ticket, new NewNote(NoteAuthor.CLIENT, mail.fromName(), mail.fromAddress(), mail.textBody(),
                true, false, mail.messageId()));
        return ticket;
    }
}
