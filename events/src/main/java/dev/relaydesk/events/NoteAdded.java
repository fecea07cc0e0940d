package dev.relaydesk.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A note was added to a ticket. Private notes are published too (agents' tools need them); consumers that
 * face clients must drop them.
 *
 * @param notifyClient whether the author asked for the client to be told (meaningful for public notes)
 * @param attachments  files attached to the note; null in events written before attachments existed
 */
public record NoteAdded(
        UUID ticketId,
        long version,
        UUID noteId,
        String number,
        String projectKey,
        String projectAddress,
        String title,
        String clientEmail,
        String clientName,
        TicketStatus status,
        NoteAuthor authorType,
        String authorName,
        String body,
        boolean publicNote,
        boolean notifyClient,
        String threadMessageId,
        Instant createdAt,
        List<AttachmentRef> attachments) implements TicketEvent {

    /** A note without attachments. */
    public NoteAdded(UUID ticketId, long version, UUID noteId, String number, String projectKey, String projectAddress,
            String title, String clientEmail, String clientName, TicketStatus status, NoteAuthor authorType,
            String authorName, String body, boolean publicNote, boolean notifyClient, String threadMessageId,
            Instant createdAt) {
        this(ticketId, version, noteId, number, projectKey, projectAddress, title, clientEmail, clientName, status,
                authorType, authorName, body, publicNote, notifyClient, threadMessageId, createdAt, List.of());
    }
}
