package dev.relaydesk.ticket.attachment;

import java.time.Instant;
import java.util.UUID;

/** An attachment as the APIs show it (never its bytes). */
public record AttachmentView(UUID id, String filename, String contentType, long size, UUID noteId,
        String uploadedBy, Instant createdAt) {

    public static AttachmentView of(Attachment attachment) {
        return new AttachmentView(attachment.id, attachment.filename, attachment.contentType, attachment.sizeBytes,
                attachment.noteId, attachment.uploadedBy, attachment.createdAt);
    }
}
