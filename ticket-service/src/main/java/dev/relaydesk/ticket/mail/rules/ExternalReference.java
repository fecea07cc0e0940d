package dev.relaydesk.ticket.mail.rules;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A sender's own reference (found by a rule) and the ticket it belongs to. */
@Entity
@Table(name = "ticket_external_reference")
@IdClass(ExternalReference.Key.class)
public class ExternalReference extends PanacheEntityBase {

    /** The primary key: one ticket per reference of a rule. */
    public static class Key implements Serializable {

        public UUID ruleId;
        public String reference;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && Objects.equals(ruleId, that.ruleId)
                    && Objects.equals(reference, that.reference);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ruleId, reference);
        }
    }

    @Id
    @Column(name = "rule_id")
    public UUID ruleId;

    @Id
    public String reference;

    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static Optional<UUID> ticketOf(UUID ruleId, String reference) {
        return ExternalReference.<ExternalReference>find("ruleId = ?1 and reference = ?2", ruleId, reference)
                .firstResultOptional().map(found -> found.ticketId);
    }

    /** Remembers the reference for the ticket, unless it already belongs to one. */
    static void remember(UUID ruleId, String reference, UUID ticketId) {
        if (ticketOf(ruleId, reference).isEmpty()) {
            ExternalReference created = new ExternalReference();
            created.ruleId = ruleId;
            created.reference = reference;
            created.ticketId = ticketId;
            created.createdAt = Instant.now();
            created.persist();
        }
    }
}
