package dev.relaydesk.testsupport;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.RelaydeskEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events the way the services do (JSON value, aggregate key, binary-mode CloudEvent headers
 * {@code ce_*}) and reads topics back, for tests. Every call opens and closes its own client: slower, but
 * no state leaks between tests.
 */
public final class KafkaEvents {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final String SOURCE = "urn:relaydesk:test";

    private KafkaEvents() {
    }

    /** Sends the event to its topic, keyed like the services key it, with the given CloudEvent id. */
    public static void publish(String bootstrapServers, RelaydeskEvent event, String eventId) {
        EventType type = EventType.of(event);
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), event.key(), EventJson.write(event));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_type", type.cloudEventType());
        header(record, "ce_source", SOURCE);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        Properties props = common(bootstrapServers);
        props.put("acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing to " + type.topic() + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Every record in the topic right now, from the beginning (empty when the topic does not exist). */
    public static List<ConsumerRecord<String, String>> records(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within " + DEFAULT_TIMEOUT.toSeconds() + " s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** Waits until a record of the topic matches; returns the first match. */
    public static ConsumerRecord<String, String> awaitRecord(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<ConsumerRecord<String, String>> found = records(bootstrapServers, topic).stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching record on " + topic + " within " + timeout.toSeconds() + " s");
            }
            sleep(250);
        }
    }

    public static ConsumerRecord<String, String> awaitRecord(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, String>> match) {
        return awaitRecord(bootstrapServers, topic, match, DEFAULT_TIMEOUT);
    }

    /** The last value of a header as UTF-8 text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Waits until the consumer group has committed everything currently in the topic (lag 0). */
    public static void awaitConsumed(String bootstrapServers, String groupId, String topic) {
        awaitConsumed(bootstrapServers, groupId, topic, DEFAULT_TIMEOUT);
    }

    public static void awaitConsumed(String bootstrapServers, String groupId, String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(common(bootstrapServers))) {
            while (true) {
                Map<TopicPartition, Long> lag = lag(admin, groupId, topic);
                if (lag.values().stream().allMatch(l -> l <= 0)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(groupId + " has not consumed " + topic + " within " + timeout.toSeconds() + " s; lag " + lag);
                }
                sleep(250);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of " + groupId + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Map<TopicPartition, Long> lag(Admin admin, String groupId, String topic)
            throws ExecutionException, InterruptedException {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, Long> lag = new java.util.TreeMap<>(java.util.Comparator.comparingInt(TopicPartition::partition));
        admin.listOffsets(latest).all().get().forEach((p, end) -> {
            OffsetAndMetadata done = committed.get(p);
            lag.put(p, end.offset() - (done == null ? 0 : done.offset()));
        });
        return lag;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        Properties props = common(bootstrapServers);
        props.put("group.id", "relaydesk-test-reader-" + UUID.randomUUID()); // never commits: assign + seek
        props.put("enable.auto.commit", "false");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static Properties common(String bootstrapServers) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("client.id", "relaydesk-test-" + UUID.randomUUID().toString().substring(0, 8));
        return props;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
