package dev.relaydesk.ticket.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A kind of ticket (Sales, Printer problems, ...); agents are allowed per type. */
@Entity
@Table(name = "ticket_type")
public class TicketType extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public String name;

    /** Whether agents allowed on this type hear of new client tickets. */
    @Column(name = "notify_agents_on_new", nullable = false)
    public boolean notifyAgentsOnNew;

    public static Optional<TicketType> byName(UUID projectId, String name) {
        return find("projectId = ?1 and lower(name) = lower(?2)", projectId, name.strip()).firstResultOptional();
    }

    public static List<TicketType> ofProject(UUID projectId) {
        return list("projectId = ?1 order by name", projectId);
    }
}
