package dev.relaydesk.events;

import java.time.Instant;
import java.util.UUID;

/**
 * ticket-service linked a newer ticket to an older one it belongs with. Keyed by the newer ticket. A client's
 * portal may show the older ticket's successor only when {@code sameClient} is true: a stranger's ticket that
 * named the older one in its subject must never be revealed to the older ticket's client.
 *
 * @param ticketId         the newer ticket (the one that was opened)
 * @param version          the newer ticket's version (linking changes neither ticket)
 * @param number           the newer ticket's display number ("SUP-43")
 * @param linkKind         {@code FOLLOW_UP} (the client's reply to the closed older ticket opened it) or
 *                         {@code SUBJECT_NUMBER} (its mail named the older ticket's number but came from someone
 *                         who could not write there); consumers treat an unknown kind as "related"
 * @param linkedTicketId   the older ticket
 * @param linkedNumber     the older ticket's display number
 * @param sameClient       whether both tickets have the same client (email, case-insensitive)
 * @param actor            who caused the link (the mail sender's address, or an agent's username)
 */
public record TicketLinked(
        UUID ticketId,
        long version,
        String number,
        String projectKey,
        String projectName,
        String title,
        String clientEmail,
        String clientName,
        String linkKind,
        UUID linkedTicketId,
        String linkedNumber,
        String linkedProjectKey,
        boolean sameClient,
        String actor,
        Instant linkedAt) implements TicketEvent {
}
