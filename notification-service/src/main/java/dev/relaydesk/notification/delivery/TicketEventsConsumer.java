package dev.relaydesk.notification.delivery;

import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.messaging.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

@ApplicationScoped
public class TicketEventsConsumer {

    private final IdempotentConsumer idempotent;
    private final Deliveries deliveries;

    TicketEventsConsumer(IdempotentConsumer idempotent, Deliveries deliveries) {
        this.idempotent = idempotent;
        this.deliveries = deliveries;
    }

    @Incoming("ticket-created-in")
    @Blocking
    public CompletionStage<Void> ticketCreated(Message<String> message) {
        return idempotent.handle(message, TicketCreated.class, "notification.ticket-created",
                deliveries::onTicketCreated);
    }

    @Incoming("note-added-in")
    @Blocking
    public CompletionStage<Void> noteAdded(Message<String> message) {
        return idempotent.handle(message, NoteAdded.class, "notification.note-added", deliveries::onNoteAdded);
    }

    @Incoming("ticket-closed-in")
    @Blocking
    public CompletionStage<Void> ticketClosed(Message<String> message) {
        return idempotent.handle(message, TicketClosed.class, "notification.ticket-closed", deliveries::onTicketClosed);
    }
}
