package dev.relaydesk.ticket.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** An agent a ticket is assigned to, by Keycloak username. Equal by username. */
@Embeddable
public class Assignee {

    @Column(nullable = false)
    private String agent;

    @Column(name = "assigned_at", nullable = false)
    private Instant assignedAt;

    protected Assignee() {
    }

    public Assignee(String agent, Instant assignedAt) {
        this.agent = agent;
        this.assignedAt = assignedAt;
    }

    public String agent() {
        return agent;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Assignee that && agent.equals(that.agent);
    }

    @Override
    public int hashCode() {
        return agent.hashCode();
    }
}
