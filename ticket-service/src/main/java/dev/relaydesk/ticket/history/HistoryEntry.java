package dev.relaydesk.ticket.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One line of a ticket's history: who did what, when. */
@Entity
@Table(name = "ticket_history")
public class HistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    public String detail;

    @Column(nullable = false)
    public Instant at;

    public static void record(UUID ticketId, String actor, String action, String detail, Instant at) {
        HistoryEntry entry = new HistoryEntry();
        entry.ticketId = ticketId;
        entry.actor = actor;
        entry.action = action;
        entry.detail = detail;
        entry.at = at;
        entry.persist();
    }

    public static List<HistoryEntry> ofTicket(UUID ticketId) {
        return list("ticketId = ?1 order by id", ticketId);
    }
}
