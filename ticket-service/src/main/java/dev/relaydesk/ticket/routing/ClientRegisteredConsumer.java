package dev.relaydesk.ticket.routing;

import dev.relaydesk.events.ClientRegistered;
import dev.relaydesk.messaging.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Learns who has an account, so that their mail can go to the project set for registered clients. */
@ApplicationScoped
public class ClientRegisteredConsumer {

    private final IdempotentConsumer idempotent;

    ClientRegisteredConsumer(IdempotentConsumer idempotent) {
        this.idempotent = idempotent;
    }

    @Incoming("client-registered-in")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return idempotent.handle(message, ClientRegistered.class, "ticket-service.registered-clients",
                registered -> RegisteredClient.remember(registered.email(), registered.name(), registered.registeredAt()));
    }
}
