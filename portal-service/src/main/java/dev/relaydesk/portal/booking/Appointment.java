package dev.relaydesk.portal.booking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A client's booked call about a ticket; live until cancelled (a move cancels it and books another seat). */
@Entity
@Table(name = "appointment")
public class Appointment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;

    @Column(name = "project_key", nullable = false)
    public String projectKey;

    @Column(name = "client_email", nullable = false)
    public String clientEmail;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(nullable = false)
    public int seat;

    @Column(name = "booked_at", nullable = false)
    public Instant bookedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    public static Optional<Appointment> liveOf(UUID ticketId) {
        return find("ticketId = ?1 and cancelledAt is null", ticketId).firstResultOptional();
    }

    /** The project's live bookings that have not ended yet, soonest first. */
    public static List<Appointment> upcoming(String projectKey, Instant now) {
        return list("projectKey = ?1 and cancelledAt is null and endsAt > ?2 order by startsAt, seat", projectKey, now);
    }
}
