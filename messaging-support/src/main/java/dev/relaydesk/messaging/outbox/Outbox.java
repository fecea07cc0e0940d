package dev.relaydesk.messaging.outbox;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.RelaydeskEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. The relay publishes it after commit, so a state change and
 * its event either both happen or neither does.
 */
@ApplicationScoped
public class Outbox {

    @Transactional(TxType.MANDATORY)
    public UUID publish(RelaydeskEvent event) {
        EventType type = EventType.of(event);
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.topic = type.topic();
        row.recordKey = event.key();
        row.ceType = type.cloudEventType();
        row.payload = EventJson.write(event);
        row.createdAt = Instant.now();
        row.persist();
        return row.id;
    }
}
