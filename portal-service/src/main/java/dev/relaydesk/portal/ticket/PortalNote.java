package dev.relaydesk.portal.ticket;

import dev.relaydesk.events.NoteAuthor;
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

/** A public note of a ticket's conversation. */
@Entity
@Table(name = "portal_note")
public class PortalNote extends PanacheEntityBase {

    @Id
    @Column(name = "note_id")
    public UUID noteId;

    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_type", nullable = false)
    public NoteAuthor authorType;

    @Column(name = "author_name")
    public String authorName;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<PortalNote> conversation(UUID ticketId) {
        return list("ticketId = ?1 order by createdAt, noteId", ticketId);
    }

    public boolean isFromAgent() {
        return authorType == NoteAuthor.AGENT;
    }

    /** Agents appear under their name or as "Support"; the client's own notes as "You". */
    public String displayAuthor() {
        if (authorType == NoteAuthor.CLIENT) {
            return "You";
        }
        return authorName != null && !authorName.isBlank() ? authorName : "Support";
    }
}
