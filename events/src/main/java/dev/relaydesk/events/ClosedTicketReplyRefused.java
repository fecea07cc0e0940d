package dev.relaydesk.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A client mailed a reply to a closed ticket of a project that answers such replies with a template instead of
 * reopening the ticket: nothing was added to the conversation, and notification-service owes the client its
 * automatic answer (once per mail, however often this event comes).
 *
 * @param version        the ticket's version after ticket-service kept its private record of the mail
 * @param mailId         the inbound mail's id (mail-ingest's), one answer per mail
 * @param replyMessageId the Message-ID of the client's mail, without angle brackets: the answer replies to it
 * @param replySubject   the subject the client wrote
 * @param threadMessageId the Message-ID that opened the ticket's thread
 */
public record ClosedTicketReplyRefused(
        UUID ticketId,
        long version,
        String number,
        String projectKey,
        String projectName,
        String projectAddress,
        String title,
        String clientEmail,
        String clientName,
        UUID mailId,
        String replyMessageId,
        String replySubject,
        String threadMessageId,
        Instant refusedAt) implements TicketEvent {
}
