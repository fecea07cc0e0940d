package dev.relaydesk.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A note was added to a ticket. Private notes are published too (agents' tools need them); consumers that
 * face clients must drop them.
 *
 * @param notifyClient whether the author asked for the client to be told (meaningful for public notes)
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
        Instant createdAt) implements TicketEvent {
}
