package dev.relaydesk.ticket.attachment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** An attachment as the APIs show it (never its bytes). */
public record AttachmentView(UUID id, String filename, String contentType, long size, UUID noteId,
        String uploadedBy, Instant createdAt) {

    public static AttachmentView of(Attachment attachment) {
        return new AttachmentView(attachment.id, attachment.filename, attachment.contentType, attachment.sizeBytes,
                attachment.noteId, attachment.uploadedBy, attachment.createdAt);
    }

    /** "48 KB", "2.3 MB": what a person reads beside a file's name. */
    @JsonIgnore
    public String sizeLabel() {
        if (size < 1024) {
            return size + " bytes";
        }
        if (size < 1024 * 1024) {
            return (size + 1023) / 1024 + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", size / 1_048_576.0);
    }
}
