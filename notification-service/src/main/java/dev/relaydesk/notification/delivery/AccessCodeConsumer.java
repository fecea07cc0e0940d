package dev.relaydesk.notification.delivery;

import dev.relaydesk.events.AccessCodeRequested;
import dev.relaydesk.messaging.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** portal-service's requests for one-time codes become mails to the client, once per request. */
@ApplicationScoped
public class AccessCodeConsumer {

    private final IdempotentConsumer idempotent;
    private final Deliveries deliveries;

    AccessCodeConsumer(IdempotentConsumer idempotent, Deliveries deliveries) {
        this.idempotent = idempotent;
        this.deliveries = deliveries;
    }

    @Incoming("access-code-requested-in")
    @Blocking
    public CompletionStage<Void> accessCodeRequested(Message<String> message) {
        return idempotent.handle(message, AccessCodeRequested.class, "notification.access-code-requested",
                deliveries::onAccessCodeRequested);
    }
}
