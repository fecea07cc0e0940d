package dev.relaydesk.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A browser asked portal-service for a one-time code, to write on a ticket through its link from that browser
 * (projects whose link policy asks for one). notification-service mails the code to the ticket's client, once per
 * {@code requestId}. Keyed by the ticket id.
 *
 * <p>No code travels here (no secret travels in an event): notification-service asks portal-service for the code
 * of this request when it writes the mail, as it asks for the client links its mails carry.
 *
 * @param requestId   one code request (a new code replaces the previous one): one mail per request
 * @param language    the requesting browser's preferred language ("de"), or null; a consumer falls back to the
 *                    project's language where it has no template in this one
 * @param expiresAt   when the code stops working
 */
public record AccessCodeRequested(
        UUID requestId,
        UUID ticketId,
        String number,
        String projectKey,
        String title,
        String clientEmail,
        String clientName,
        String language,
        Instant requestedAt,
        Instant expiresAt) implements RelaydeskEvent {

    @Override
    public String key() {
        return ticketId.toString();
    }
}
