package dev.relaydesk.notification.delivery;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.notification.delivery.Delivery.Kind;
import dev.relaydesk.notification.delivery.Delivery.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Decides which messages an event owes, and queues them. */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class Deliveries {

    private final String mailDomain;

    Deliveries(@ConfigProperty(name = "relaydesk.mail.domain") String mailDomain) {
        this.mailDomain = mailDomain;
    }

    /** The client is told their ticket exists, with their link. */
    public void onTicketCreated(TicketCreated event) {
        queue(Kind.TICKET_CONFIRMATION, "ticket:" + event.ticketId(), event.ticketId(), event.clientEmail(),
                EventJson.write(event));
    }

    /** An agent's public answer goes to the client, unless the agent chose not to notify; never a private note. */
    public void onNoteAdded(NoteAdded event) {
        if (event.publicNote() && event.notifyClient() && event.authorType() == NoteAuthor.AGENT) {
            queue(Kind.AGENT_REPLY, "note:" + event.noteId(), event.ticketId(), event.clientEmail(),
                    EventJson.write(event));
        }
    }

    /** The client is told their ticket was closed, unless they closed it themselves. */
    public void onTicketClosed(TicketClosed event) {
        if (event.closedBy() != NoteAuthor.CLIENT) {
            queue(Kind.TICKET_CLOSED, "closed:" + event.ticketId() + ":" + event.version(), event.ticketId(),
                    event.ticket().clientEmail(), EventJson.write(event));
        }
    }

    private void queue(Kind kind, String subjectKey, UUID ticketId, String recipient, String payload) {
        if (Delivery.count("kind = ?1 and subjectKey = ?2", kind, subjectKey) > 0) {
            return;
        }
        Instant now = Instant.now();
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.kind = kind;
        delivery.subjectKey = subjectKey;
        delivery.ticketId = ticketId;
        delivery.recipientEmail = recipient;
        delivery.payload = payload;
        delivery.status = Status.QUEUED;
        delivery.nextAttemptAt = now;
        delivery.messageId = delivery.id + "@" + mailDomain;
        delivery.createdAt = now;
        delivery.persist();
    }
}
