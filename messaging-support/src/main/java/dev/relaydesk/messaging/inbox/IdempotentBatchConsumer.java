package dev.relaydesk.messaging.inbox;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.RelaydeskEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * {@link IdempotentConsumer} for a poll's worth of records (a channel with {@code batch=true}): the events' claims
 * and effects commit together, in the records' order, so a burst costs one commit per group of events instead of
 * one per event. Each event keeps its own claim, so a redelivered one still does nothing, also within one batch.
 * A group is cut after {@link #MAX_GROUP_TIME}, so slow handlers (a provider call each) never hold one transaction
 * open near its timeout. When a group's transaction fails, each of its events is tried again in a transaction of
 * its own: one bad event neither rolls back nor holds back the others, and an event that fails alone is nacked to
 * the channel's failure strategy (dead-letter), as {@link IdempotentConsumer} does.
 */
@ApplicationScoped
public class IdempotentBatchConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentBatchConsumer.class);
    static final Duration MAX_GROUP_TIME = Duration.ofSeconds(5);

    private final ProcessedEvents processedEvents;
    private final MeterRegistry metrics;
    private final Tracer tracer;

    IdempotentBatchConsumer(ProcessedEvents processedEvents, MeterRegistry metrics, Tracer tracer) {
        this.processedEvents = processedEvents;
        this.metrics = metrics;
        this.tracer = tracer;
    }

    private record Received<T>(KafkaRecord<String, String> record, String eventId, T event) {
    }

    public <T extends RelaydeskEvent> CompletionStage<Void> handle(KafkaRecordBatch<String, String> batch, Class<T> type,
            String consumerName, Consumer<T> handler) {
        List<CompletionStage<Void>> givenUp = new ArrayList<>();
        List<Received<T>> readable = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                String eventId = record.getMetadata(IncomingCloudEventMetadata.class)
                        .map(IncomingCloudEventMetadata::getId)
                        .orElseThrow(() -> new IllegalArgumentException("Record without CloudEvent id on " + consumerName));
                readable.add(new Received<>(record, eventId, EventJson.read(record.getPayload(), type)));
            } catch (RuntimeException e) {
                givenUp.add(giveUp(record, type, consumerName, e));
            }
        }
        int next = 0;
        while (next < readable.size()) {
            next = handleGroup(readable, next, consumerName, handler, givenUp);
        }
        // Dead-lettered records first, then the batch's offsets: a crash in between redelivers, and claims absorb it.
        return CompletableFuture.allOf(givenUp.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new)).thenCompose(ignored -> batch.ack());
    }

    /** Commits the events from {@code first} on, as many as fit in the time budget; returns the index after them. */
    private <T extends RelaydeskEvent> int handleGroup(List<Received<T>> events, int first, String consumerName,
            Consumer<T> handler, List<CompletionStage<Void>> givenUp) {
        List<Boolean> firstTimes = new ArrayList<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                long deadline = System.nanoTime() + MAX_GROUP_TIME.toNanos();
                for (int i = first; i < events.size() && (i == first || System.nanoTime() < deadline); i++) {
                    firstTimes.add(applyOnce(events.get(i), consumerName, handler));
                }
            });
        } catch (RuntimeException e) {
            int failedAt = first + firstTimes.size();
            LOG.warnf("%s could not commit a group of events (%s); handling each on its own", consumerName,
                    e.getMessage());
            for (int i = first; i <= failedAt && i < events.size(); i++) {
                handleAlone(events.get(i), consumerName, handler, givenUp);
            }
            return failedAt + 1;
        }
        firstTimes.forEach(firstTime -> count(consumerName, firstTime ? "processed" : "duplicate"));
        return first + firstTimes.size();
    }

    private <T extends RelaydeskEvent> void handleAlone(Received<T> received, String consumerName, Consumer<T> handler,
            List<CompletionStage<Void>> givenUp) {
        try {
            boolean firstTime = IdempotentConsumer.withRetries(() -> QuarkusTransaction.requiringNew()
                    .call(() -> applyOnce(received, consumerName, handler)));
            count(consumerName, firstTime ? "processed" : "duplicate");
        } catch (RuntimeException e) {
            givenUp.add(giveUp(received.record(), received.event().getClass(), consumerName, e));
        }
    }

    /**
     * Claims the event and runs the handler, in the caller's transaction, inside a span that continues the trace of
     * the change that caused the event (what the handler writes to the outbox stays in that trace).
     */
    private <T extends RelaydeskEvent> boolean applyOnce(Received<T> received, String consumerName, Consumer<T> handler) {
        Context parent = TracingMetadata.fromMessage(received.record()).map(TracingMetadata::getCurrentContext)
                .orElse(Context.current());
        Span span = tracer.spanBuilder(consumerName).setParent(parent).setSpanKind(SpanKind.CONSUMER).startSpan();
        try (Scope scope = span.makeCurrent()) {
            if (!processedEvents.claim(received.eventId(), consumerName)) {
                LOG.debugf("%s skipped event %s, already processed", consumerName, received.eventId());
                return false;
            }
            handler.accept(received.event());
            // Each event's writes reach the database now (a failure names its event), and the session forgets them,
            // so the next event's queries do not dirty-check every entity of the group again.
            EntityManager session = Panache.getEntityManager();
            session.flush();
            session.clear();
            return true;
        } catch (RuntimeException e) {
            span.recordException(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private CompletionStage<Void> giveUp(KafkaRecord<String, String> record, Class<?> type, String consumerName,
            RuntimeException e) {
        LOG.errorf("%s could not process a %s record: %s", consumerName, type.getSimpleName(), e.getMessage());
        count(consumerName, "failed"); // the channel's failure strategy dead-letters it
        return record.nack(e);
    }

    private void count(String consumer, String outcome) {
        metrics.counter("relaydesk.events.consumed", "consumer", consumer, "outcome", outcome).increment();
    }
}
