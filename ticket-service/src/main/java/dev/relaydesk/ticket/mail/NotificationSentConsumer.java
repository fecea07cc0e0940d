package dev.relaydesk.ticket.mail;

import dev.relaydesk.events.NotificationSent;
import dev.relaydesk.messaging.inbox.IdempotentConsumer;
import dev.relaydesk.ticket.ticket.Ticket;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Indexes the Message-ID of every mail notification-service sent about a ticket, so that a reply answering
 * only our mail (its client dropped the older References) still threads; and the addresses it mailed agents at,
 * so that an agent's reply is not taken for a stranger's.
 */
@ApplicationScoped
public class NotificationSentConsumer {

    private static final Logger LOG = Logger.getLogger(NotificationSentConsumer.class);

    private final IdempotentConsumer idempotent;

    NotificationSentConsumer(IdempotentConsumer idempotent) {
        this.idempotent = idempotent;
    }

    @Incoming("notification-sent-in")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return idempotent.handle(message, NotificationSent.class, "ticket-service.sent-mail-index",
                NotificationSentConsumer::index);
    }

    private static void index(NotificationSent sent) {
        if (Ticket.findById(sent.ticketId()) == null) {
            // not a ticket of ours (deleted, or another installation's): nothing to thread to
            LOG.warnf("Sent mail %s names unknown ticket %s; not indexed", sent.deliveryId(), sent.ticketId());
            return;
        }
        MailReference.rememberIfNew(sent.messageId(), sent.ticketId());
        if (sent.recipientAgent() != null) {
            // a reply from this address is the agent's, not a stranger's
            sent.recipients().forEach(address -> AgentAddress.rememberIfNew(sent.ticketId(), address, sent.recipientAgent()));
        }
    }
}
