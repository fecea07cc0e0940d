package dev.relaydesk.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One try to hand a delivery to the SMTP server, with what the server (or the connection) answered. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends PanacheEntityBase {

    public enum Outcome {
        SENT,
        FAILED
    }

    @Embeddable
    public record Key(@Column(name = "delivery_id") UUID deliveryId, int attempt) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    public String answer;

    static void record(Delivery delivery, Outcome outcome, String answer) {
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.key = new Key(delivery.id, delivery.attempts);
        attempt.attemptedAt = Instant.now();
        attempt.outcome = outcome;
        attempt.answer = answer;
        attempt.persist();
    }

    public static List<DeliveryAttempt> of(UUID deliveryId) {
        return list("key.deliveryId = ?1 order by key.attempt", deliveryId);
    }
}
