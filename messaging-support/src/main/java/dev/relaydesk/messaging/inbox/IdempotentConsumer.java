package dev.relaydesk.messaging.inbox;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.MalformedEventException;
import dev.relaydesk.events.RelaydeskEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.TracingMetadata;
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
    private final Tracer tracer;

    IdempotentConsumer(ProcessedEvents processedEvents, MeterRegistry metrics, Tracer tracer) {
        this.processedEvents = processedEvents;
        this.metrics = metrics;
        this.tracer = tracer;
    }

    /**
     * A transaction that failed (a lock conflict, the database restarting) is tried again before the record
     * is given up to the dead-letter topic; each try is all or nothing, so retrying is safe.
     */
    static boolean withRetries(Supplier<Boolean> transaction) {
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
        // A span for the handling, child of the connector's consumer span (whose parent is the record's
        // traceparent): what the handler writes to the outbox, and the spans it starts, stay in the trace of the
        // change that caused the event.
        Context parent = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext)
                .orElse(Context.current());
        Span span = tracer.spanBuilder(consumerName).setParent(parent).setSpanKind(SpanKind.CONSUMER).startSpan();
        try (Scope scope = span.makeCurrent()) {
            return process(message, type, consumerName, handler);
        } finally {
            span.end();
        }
    }

    private <T extends RelaydeskEvent> CompletionStage<Void> process(Message<String> message, Class<T> type,
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
            Span.current().recordException(e);
            return message.nack(e);
        }
    }

    private void count(String consumer, String outcome) {
        metrics.counter("relaydesk.events.consumed", "consumer", consumer, "outcome", outcome).increment();
    }
}
