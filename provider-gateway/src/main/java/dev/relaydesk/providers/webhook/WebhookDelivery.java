package dev.relaydesk.providers.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event owed to one subscription, queued in the transaction that consumed the event, and the log of
 * its delivery: attempts so far and the outcome of the last one.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public enum Status {
        /** Not delivered yet: waiting for its turn, in flight, or waiting to be retried. */
        PENDING,
        DELIVERED,
        /** Given up after the configured number of attempts; an admin may redeliver it. */
        DEAD
    }

    @Id
    public UUID id;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    /** The CloudEvent id, sent as {@code webhook-id}: the same on every attempt, so receivers can drop repeats. */
    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;

    @Column(name = "ticket_version", nullable = false)
    public long ticketVersion;

    /** The exact body sent, fixed at queue time. */
    @Column(nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_latency_ms")
    public Long lastLatencyMs;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
