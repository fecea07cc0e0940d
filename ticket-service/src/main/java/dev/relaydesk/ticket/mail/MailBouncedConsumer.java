package dev.relaydesk.ticket.mail;

import dev.relaydesk.events.MailBounced;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.messaging.inbox.IdempotentConsumer;
import dev.relaydesk.ticket.ticket.Ticket;
import dev.relaydesk.ticket.ticket.TicketService;
import dev.relaydesk.ticket.ticket.TicketService.NewNote;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A bounce marks the address as failing and, when the report names the mail of ours that bounced, tells that
 * ticket's agents with a private note (the ticket turns unread): the client is not hearing from us.
 */
@ApplicationScoped
public class MailBouncedConsumer {

    private final IdempotentConsumer idempotent;
    private final TicketService tickets;

    MailBouncedConsumer(IdempotentConsumer idempotent, TicketService tickets) {
        this.idempotent = idempotent;
        this.tickets = tickets;
    }

    @Incoming("mail-bounced-in")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return idempotent.handle(message, MailBounced.class, "ticket-service.bounces", this::apply);
    }

    private void apply(MailBounced bounce) {
        FailingAddress.bounced(bounce.failedAddress(), bounce.status(), bounce.diagnostic(), bounce.receivedAt());
        Optional<Ticket> ticket = Optional.ofNullable(bounce.originalMessageId())
                .flatMap(MailReference::ticketOf)
                .flatMap(id -> Ticket.<Ticket>findByIdOptional(id));
        if (ticket.isEmpty()) {
            return;
        }
        String body = "Our mail to " + bounce.failedAddress() + " could not be delivered"
                + (bounce.status() == null ? "" : " (status " + bounce.status() + ")") + "."
                + (bounce.diagnostic() == null ? "" : "\nThe receiving server said: " + bounce.diagnostic())
                + "\nReach the client another way, or correct the address.";
        tickets.addNote(ticket.get(), new NewNote(NoteAuthor.SYSTEM, "Mail delivery", null, body, false, false, null));
        ticket.get().unreadByAgent = true;
    }
}
