package dev.relaydesk.portal.feedback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The client's rating of a closed ticket, given once. */
@Entity
@Table(name = "feedback")
public class Feedback extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public UUID ticketId;

    /** The link it was given through; null when a logged-in client gave it. */
    @Column(name = "link_id")
    public UUID linkId;

    @Column(name = "client_email", nullable = false)
    public String clientEmail;

    @Column(nullable = false)
    public short rating;

    public String comment;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** For the page: "★★★★☆". */
    public String stars() {
        return "★".repeat(rating) + "☆".repeat(5 - rating);
    }
}
