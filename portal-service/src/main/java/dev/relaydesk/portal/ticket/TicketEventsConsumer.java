package dev.relaydesk.portal.ticket;

import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketReopened;
import dev.relaydesk.events.TicketUpdated;
import dev.relaydesk.messaging.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

@ApplicationScoped
public class TicketEventsConsumer {

    private final IdempotentConsumer idempotent;
    private final TicketReadModel readModel;

    TicketEventsConsumer(IdempotentConsumer idempotent, TicketReadModel readModel) {
        this.idempotent = idempotent;
        this.readModel = readModel;
    }

    @Incoming("ticket-created-in")
    @Blocking
    public CompletionStage<Void> ticketCreated(Message<String> message) {
        return idempotent.handle(message, TicketCreated.class, "portal.ticket-created", readModel::apply);
    }

    @Incoming("ticket-updated-in")
    @Blocking
    public CompletionStage<Void> ticketUpdated(Message<String> message) {
        return idempotent.handle(message, TicketUpdated.class, "portal.ticket-updated", readModel::apply);
    }

    @Incoming("note-added-in")
    @Blocking
    public CompletionStage<Void> noteAdded(Message<String> message) {
        return idempotent.handle(message, NoteAdded.class, "portal.note-added", readModel::apply);
    }

    @Incoming("ticket-closed-in")
    @Blocking
    public CompletionStage<Void> ticketClosed(Message<String> message) {
        return idempotent.handle(message, TicketClosed.class, "portal.ticket-closed", readModel::apply);
    }

    @Incoming("ticket-reopened-in")
    @Blocking
    public CompletionStage<Void> ticketReopened(Message<String> message) {
        return idempotent.handle(message, TicketReopened.class, "portal.ticket-reopened", readModel::apply);
    }
}
