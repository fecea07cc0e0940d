package dev.relaydesk.messaging.inbox;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.MalformedEventException;
import dev.relaydesk.events.RelaydeskEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Runs an event handler exactly once per CloudEvent id: the claim and the handler's writes commit in one
 * transaction, so a redelivered record does nothing and a crash mid-way leaves nothing half done.
 * A failure nacks the record; the channel's failure strategy (dead-letter) takes it from there.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final int ATTEMPTS = 4;

    private final ProcessedEvents processedEvents;
    private final MeterRegistry metrics;

    IdempotentConsumer(ProcessedEvents processedEvents, MeterRegistry metrics) {
        this.processedEvents = processedEvents;
        this.metrics = metrics;
    }

    /**
     * A transaction that failed (a lock conflict, the database restarting) is tried again before the record
     * is given up to the dead-letter topic; each try is all or nothing, so retrying is safe.
     */
    private static boolean withRetries(Supplier<Boolean> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("Attempt %d of %d failed, retrying: %s", attempt, ATTEMPTS, e.getMessage());
                sleep(100L * attempt);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying", e);
        }
    }

    public <T extends RelaydeskEvent> CompletionStage<Void> handle(Message<String> message, Class<T> type,
            String consumerName, Consumer<T> handler) {
        try {
            String eventId = message.getMetadata(IncomingCloudEventMetadata.class)
                    .map(IncomingCloudEventMetadata::getId)
                    .orElseThrow(() -> new IllegalArgumentException("Record without CloudEvent id on " + consumerName));
            T event = EventJson.read(message.getPayload(), type);
            boolean firstTime = withRetries(() -> QuarkusTransaction.requiringNew().call(() -> {
                if (!processedEvents.claim(eventId, consumerName)) {
                    return false;
                }
                handler.accept(event);
                return true;
            }));
            if (!firstTime) {
                LOG.debugf("%s skipped event %s, already processed", consumerName, eventId);
            }
            count(consumerName, firstTime ? "processed" : "duplicate");
            return message.ack();
        } catch (RuntimeException e) {
            LOG.errorf("%s could not process a %s record: %s", consumerName, type.getSimpleName(), e.getMessage());
            count(consumerName, "failed"); // the channel's failure strategy dead-letters it
            return message.nack(e);
        }
    }

    private void count(String consumer, String outcome) {
        metrics.counter("relaydesk.events.consumed", "consumer", consumer, "outcome", outcome).increment();
    }
}
