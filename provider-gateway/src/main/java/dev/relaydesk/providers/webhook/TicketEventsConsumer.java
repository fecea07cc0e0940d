package dev.relaydesk.providers.webhook;

import dev.relaydesk.events.EventType;
import dev.relaydesk.events.RelaydeskEvent;
import dev.relaydesk.events.TicketEvent;
import dev.relaydesk.messaging.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Every ticket event topic of {@code relaydesk.webhooks.topics} on one channel. The event is read against
 * its contract (a malformed one goes to the dead-letter topic), queued once per event id, and delivered by
 * {@link WebhookDispatcher}.
 */
@ApplicationScoped
public class TicketEventsConsumer {

    static final String CONSUMER = "provider-gateway.webhooks";
    private static final Logger LOG = Logger.getLogger(TicketEventsConsumer.class);

    private final IdempotentConsumer idempotent;
    private final WebhookQueue queue;

    TicketEventsConsumer(IdempotentConsumer idempotent, WebhookQueue queue) {
        this.idempotent = idempotent;
        this.queue = queue;
    }

    @Incoming("ticket-events-in")
    @Blocking
    @SuppressWarnings("unchecked")
    public CompletionStage<Void> consume(Message<String> message) {
        IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
        EventType type;
        try {
            if (cloudEvent == null) {
                throw new IllegalArgumentException("record without CloudEvent headers");
            }
            type = EventType.ofCloudEventType(cloudEvent.getType());
        } catch (RuntimeException e) {
            LOG.errorf("%s cannot read a record: %s", CONSUMER, e.getMessage());
            return message.nack(e);
        }
        String eventId = cloudEvent.getId();
        Instant time = cloudEvent.getTimeStamp().map(ZonedDateTime::toInstant).orElseGet(Instant::now);
        String json = message.getPayload();
        return idempotent.handle(message, (Class<RelaydeskEvent>) type.recordClass(), CONSUMER, event -> {
            if (event instanceof TicketEvent ticketEvent) {
                queue.onTicketEvent(type.topic(), eventId, time, ticketEvent, json);
            } else {
                LOG.warnf("%s ignores %s: not a ticket event", CONSUMER, type.topic());
            }
        });
    }
}
