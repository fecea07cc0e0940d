package dev.relaydesk.ticket.attachment;

import dev.relaydesk.web.InvalidFieldException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Stores uploads on a ticket and hands them to the note that carries them. An upload no note took within
 * {@link #UNCLAIMED_FOR} is removed, so abandoned drafts do not pile up.
 */
@ApplicationScoped
@Transactional
public class Attachments {

    static final Duration UNCLAIMED_FOR = Duration.ofDays(1);
    private static final Logger LOG = Logger.getLogger(Attachments.class);
    private static final int MAX_PER_NOTE = 20;

    private final long maxBytes;

    Attachments(@ConfigProperty(name = "relaydesk.attachments.max-bytes") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The size limit as people read it ("10.0 MB"). */
    public String maxSizeLabel() {
        return megabytes(maxBytes);
    }

    /** Why a file of this name and size cannot be attached, in words for the person who chose it. */
    public Optional<String> refusal(String filename, long size) {
        String name = filename == null || filename.isBlank() ? "the file" : FileNames.safe(filename);
        if (size == 0) {
            return Optional.of(name + " is empty");
        }
        if (size > maxBytes) {
            return Optional.of(name + " is " + megabytes(size) + "; at most " + megabytes(maxBytes) + " can be attached");
        }
        return Optional.empty();
    }

    /** Stores an uploaded file on the ticket; too large is 413, empty or nameless is 400 on {@code file}. */
    public Attachment store(UUID ticketId, String filename, String contentType, Path upload, String uploadedBy) {
        long size = sizeOf(upload);
        if (size == 0) {
            throw new InvalidFieldException("file", "The file is empty");
        }
        if (size > maxBytes) {
            throw new WebApplicationException("The file is " + megabytes(size) + "; at most " + megabytes(maxBytes)
                    + " can be attached", 413);
        }
        byte[] bytes = read(upload);
        Attachment attachment = new Attachment();
        attachment.id = UUID.randomUUID();
        attachment.ticketId = ticketId;
        attachment.filename = FileNames.safe(filename);
        attachment.contentType = FileNames.contentType(contentType);
        attachment.sizeBytes = size;
        attachment.sha256 = sha256(bytes);
        attachment.uploadedBy = uploadedBy;
        attachment.createdAt = Instant.now();
        attachment.persist();
        AttachmentContent content = new AttachmentContent();
        content.attachmentId = attachment.id;
        content.content = bytes;
        content.persist();
        return attachment;
    }

    /**
     * The uploads a new note carries. Each must be on this ticket, uploaded by the note's author and not yet
     * carried by another note; otherwise nothing is written and the answer is a 400 on {@code attachmentIds}.
     */
    public List<Attachment> forNewNote(UUID ticketId, List<UUID> ids, String uploadedBy) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() > MAX_PER_NOTE) {
            throw new InvalidFieldException("attachmentIds", "A note carries at most " + MAX_PER_NOTE + " files");
        }
        return new LinkedHashSet<>(ids).stream().map(id -> {
            Attachment attachment = Attachment.findById(id);
            if (attachment == null || !attachment.ticketId.equals(ticketId)
                    || !attachment.uploadedBy.equalsIgnoreCase(String.valueOf(uploadedBy))) {
                throw new InvalidFieldException("attachmentIds", "There is no upload " + id + " on this ticket");
            }
            if (attachment.noteId != null) {
                throw new InvalidFieldException("attachmentIds", attachment.filename + " is already on another note");
            }
            return attachment;
        }).toList();
    }

    public byte[] content(Attachment attachment) {
        return AttachmentContent.<AttachmentContent>findByIdOptional(attachment.id).orElseThrow().content;
    }

    @Scheduled(every = "1h", delayed = "5m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void removeUnclaimed() {
        long removed = Attachment.delete("noteId is null and createdAt < ?1", Instant.now().minus(UNCLAIMED_FOR));
        if (removed > 0) {
            LOG.infof("Removed %d uploads no note took within %s", removed, UNCLAIMED_FOR);
        }
    }

    private static long sizeOf(Path upload) {
        try {
            return Files.size(upload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path upload) {
        try {
            return Files.readAllBytes(upload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
