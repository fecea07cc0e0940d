package dev.relaydesk.ticket.attachment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The bytes of an {@link Attachment}, read only when someone downloads it. */
@Entity
@Table(name = "attachment_content")
public class AttachmentContent extends PanacheEntityBase {

    @Id
    @Column(name = "attachment_id")
    public UUID attachmentId;

    @Column(nullable = false)
    public byte[] content;
}
