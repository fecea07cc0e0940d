package dev.relaydesk.messaging.outbox;

import dev.relaydesk.messaging.pass.OnePassAtATime;
import dev.relaydesk.messaging.tracing.TraceParent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Moves committed outbox rows to Kafka in commit order, and deletes them for good only once the broker has
 * acknowledged every record of the batch. A crash before the commit re-sends the batch: consumers absorb
 * the duplicates by CloudEvent id. {@code SKIP LOCKED} lets several replicas relay without blocking each other.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    /** Takes the oldest rows no other relay holds, in one round trip (RETURNING gives no order: sorted after). */
    private static final String TAKE_BATCH = """
            delete from outbox_event where position in (
                select position from outbox_event order by position limit :limit for update skip locked)
            returning *""";

    private final Emitter<String> emitter;
    private final Map<String, Counter> relayed = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;
    private final URI source;
    private final int batchSize;
    /** One pass at a time per JVM, so batches leave in commit order. */
    private final OnePassAtATime passes;

    OutboxRelay(@Channel("outbox-out") Emitter<String> emitter, MeterRegistry metrics,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "relaydesk.outbox.batch-size") int batchSize) {
        this.emitter = emitter;
        this.metrics = metrics;
        this.source = URI.create("/relaydesk/" + applicationName);
        this.batchSize = batchSize;
        this.passes = new OnePassAtATime("outbox-relay", this::relayAll);
    }

    /** Relays soon, on the relay's own thread; many wakes while it is busy make one more pass. */
    public void wake() {
        passes.wake();
    }

    // Skipped until the application runs: before that the Kafka channel is not wired yet.
    @Scheduled(every = "${relaydesk.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayPending() {
        passes.run();
    }

    @PreDestroy
    void stop() {
        passes.stop();
    }

    private void relayAll() {
        while (relayBatch() == batchSize) {
            // a full batch means more may be waiting: go on without waiting for the next tick
        }
    }

    /**
     * Relays one batch; returns how many events it published. The batch is taken and deleted by one statement, in a
     * transaction that commits only once Kafka has acknowledged every record: a failed send rolls the delete back.
     */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<OutboxEvent> batch = new ArrayList<>(OutboxEvent.getEntityManager()
                    .createNativeQuery(TAKE_BATCH, OutboxEvent.class)
                    .setParameter("limit", batchSize)
                    .getResultList());
            if (batch.isEmpty()) {
                return 0;
            }
            batch.sort(Comparator.comparingLong(row -> row.position));
            CompletableFuture<?>[] acks = batch.stream().map(this::send).toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(acks).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            batch.forEach(row -> relayed.computeIfAbsent(row.topic,
                    topic -> metrics.counter("relaydesk.outbox.relayed", "topic", topic)).increment());
            return batch.size();
        });
    }

    private CompletableFuture<Void> send(OutboxEvent row) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(row.id.toString())
                .withType(row.ceType)
                .withSource(source)
                .withTimestamp(row.createdAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.recordKey)
                .build();
        // The record's producer span (and its traceparent header) continues the trace that wrote the row,
        // not the relay's own thread, which serves many traces.
        Metadata metadata = row.traceParent == null ? Metadata.of(cloudEvent, kafka)
                : Metadata.of(cloudEvent, kafka, TracingMetadata.withCurrent(TraceParent.restore(row.traceParent)));
        emitter.send(Message.of(row.payload, metadata,
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return acked;
    }
}
