package dev.relaydesk.ticket.attachment;

import dev.relaydesk.events.AttachmentRef;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A file on a ticket: uploaded, then carried by one note. Its bytes are in {@link AttachmentContent}. */
@Entity
@Table(name = "attachment")
public class Attachment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;

    /** The note carrying it; null while only uploaded. */
    @Column(name = "note_id")
    public UUID noteId;

    @Column(nullable = false)
    public String filename;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public String sha256;

    /** Agent username, or the client's email address. */
    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public AttachmentRef ref() {
        return new AttachmentRef(id, filename, contentType, sizeBytes);
    }

    public static List<Attachment> ofTicket(UUID ticketId) {
        return list("ticketId = ?1 order by createdAt, id", ticketId);
    }

    public static List<Attachment> ofNote(UUID noteId) {
        return list("noteId = ?1 order by createdAt, id", noteId);
    }
}
