package dev.relaydesk.identity.directory;

import dev.relaydesk.events.ClientRegistered;
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

/** Feeds the client directory: every ticket's client and open/closed state, and who registered. */
@ApplicationScoped
public class ClientDirectoryConsumers {

    private static final String CONSUMER = "identity-service.client-directory";

    private final IdempotentConsumer idempotent;
    private final ClientDirectoryUpdates updates;

    ClientDirectoryConsumers(IdempotentConsumer idempotent, ClientDirectoryUpdates updates) {
        this.idempotent = idempotent;
        this.updates = updates;
    }

    @Incoming("ticket-created-in")
    @Blocking
    public CompletionStage<Void> created(Message<String> message) {
        return idempotent.handle(message, TicketCreated.class, CONSUMER, e -> updates.ticket(e.ticketId(), e.version(),
                e.clientEmail(), e.clientName(), e.clientOrganization(), e.status(), e.createdAt()));
    }

    @Incoming("ticket-updated-in")
    @Blocking
    public CompletionStage<Void> updated(Message<String> message) {
        return idempotent.handle(message, TicketUpdated.class, CONSUMER,
                e -> updates.ticket(e.ticket(), e.version(), e.updatedAt()));
    }

    @Incoming("ticket-closed-in")
    @Blocking
    public CompletionStage<Void> closed(Message<String> message) {
        return idempotent.handle(message, TicketClosed.class, CONSUMER,
                e -> updates.ticket(e.ticket(), e.version(), e.closedAt()));
    }

    @Incoming("ticket-reopened-in")
    @Blocking
    public CompletionStage<Void> reopened(Message<String> message) {
        return idempotent.handle(message, TicketReopened.class, CONSUMER,
                e -> updates.ticket(e.ticket(), e.version(), e.reopenedAt()));
    }

    @Incoming("client-registered-in")
    @Blocking
    public CompletionStage<Void> registered(Message<String> message) {
        return idempotent.handle(message, ClientRegistered.class, CONSUMER,
                e -> updates.registered(e.email(), e.name(), e.registeredAt()));
    }
}
