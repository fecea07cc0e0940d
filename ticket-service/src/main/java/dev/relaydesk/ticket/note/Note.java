package dev.relaydesk.ticket.note;

import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.ticket.mail.MatchedBy;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A message in a ticket's conversation: public (the client sees it) or private (agents only). */
@Entity
@Table(name = "note")
public class Note extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_type", nullable = false)
    public NoteAuthor authorType;

    @Column(name = "author_name")
    public String authorName;

    @Column(name = "author_email")
    public String authorEmail;

    @Column(nullable = false)
    public String body;

    @Column(name = "public_note", nullable = false)
    public boolean publicNote;

    /** The mail this note came from, if any. */
    @Column(name = "message_id")
    public String messageId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** For a note made of an inbound mail: how the mail was matched to this ticket; null otherwise. */
    @Enumerated(EnumType.STRING)
    @Column(name = "matched_by")
    public MatchedBy matchedBy;

    /** A mail from someone who is neither the ticket's client nor an agent on it: private until an agent looks. */
    @Column(name = "needs_review", nullable = false)
    public boolean needsReview;

    public static List<Note> ofTicket(UUID ticketId) {
        return list("ticketId = ?1 order by createdAt, id", ticketId);
    }
}
