package dev.relaydesk.messaging.outbox;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.RelaydeskEvent;
import dev.relaydesk.messaging.tracing.TraceParent;
import dev.relaydesk.messaging.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. The relay publishes it after commit, so a state change and
 * its event either both happen or neither does. The commit wakes the relay at once; its schedule only
 * catches what a wake missed (a crash, a busy relay).
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    private final AfterCommit afterCommit;
    private final OutboxRelay relay;

    Outbox(AfterCommit afterCommit, OutboxRelay relay) {
        this.afterCommit = afterCommit;
        this.relay = relay;
    }

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
        row.traceParent = TraceParent.ofCurrent();
        row.persist();
        wakeRelayAfterCommit();
        return row.id;
    }

    private void wakeRelayAfterCommit() {
        afterCommit.runOnce(WAKE_REGISTERED, relay::wake);
    }
}
