package dev.relaydesk.ticket.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An address notification-service mailed about a ticket as one of its agents. Ticket-service knows agents by
 * username only; this is how a reply by mail is recognised as an agent's.
 */
@Entity
@Table(name = "ticket_agent_address")
@IdClass(AgentAddress.Key.class)
public class AgentAddress extends PanacheEntityBase {

    /** The primary key: one row per ticket and address. */
    public static class Key implements Serializable {

        public UUID ticketId;
        public String address;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && Objects.equals(ticketId, that.ticketId)
                    && Objects.equals(address, that.address);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ticketId, address);
        }
    }

    @Id
    @Column(name = "ticket_id")
    public UUID ticketId;

    /** Lower case. */
    @Id
    public String address;

    /** The agent's username. */
    @Column(nullable = false)
    public String agent;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static void rememberIfNew(UUID ticketId, String address, String agent) {
        if (address == null || address.isBlank() || agent == null || agentOf(ticketId, address).isPresent()) {
            return;
        }
        AgentAddress known = new AgentAddress();
        known.ticketId = ticketId;
        known.address = normalized(address);
        known.agent = agent;
        known.createdAt = Instant.now();
        known.persist();
    }

    /** The username of the agent this address belongs to on this ticket, if we ever mailed them about it. */
    public static Optional<String> agentOf(UUID ticketId, String address) {
        if (address == null) {
            return Optional.empty();
        }
        return AgentAddress.<AgentAddress>find("ticketId = ?1 and address = ?2", ticketId, normalized(address))
                .firstResultOptional().map(known -> known.agent);
    }

    private static String normalized(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
