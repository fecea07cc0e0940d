package dev.relaydesk.ticket.live;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.RelaydeskEvent;
import dev.relaydesk.events.TicketEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Feeds the live pages from ticket-service's own ticket events. Every replica reads every event (its consumer
 * group is its own, see application.properties), because an agent's page may be connected to any replica.
 * It writes nothing, so it needs no processed-events table; {@link LiveUpdates} drops repeats for display.
 * A record it cannot read is logged and skipped: a live page missing one update is better than none at all.
 */
@ApplicationScoped
public class TicketEventFeed {

    private static final Logger LOG = Logger.getLogger(TicketEventFeed.class);

    private final LiveUpdates live;

    TicketEventFeed(LiveUpdates live) {
        this.live = live;
    }

    @Incoming("ticket-live-in")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        try {
            IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class)
                    .orElseThrow(() -> new IllegalArgumentException("record without CloudEvent metadata"));
            RelaydeskEvent event = EventJson.read(message.getPayload(),
                    EventType.ofCloudEventType(cloudEvent.getType()).recordClass());
            if (event instanceof TicketEvent ticketEvent) {
                live.deliver(cloudEvent.getId(), ticketEvent);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Live updates skipped a record: %s", e.getMessage());
        }
        return message.ack();
    }
}
