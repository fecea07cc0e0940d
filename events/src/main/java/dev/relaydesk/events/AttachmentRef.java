package dev.relaydesk.events;

import java.util.UUID;

/**
 * A file attached to a note, by reference: the bytes stay in ticket-service, which serves them to whoever
 * may see the note.
 */
public record AttachmentRef(UUID id, String filename, String contentType, long size) {
}
