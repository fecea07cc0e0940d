package dev.relaydesk.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A browser asked portal-service for a one-time code, to write on a ticket through its link from that browser
 * (projects whose link policy asks for one). notification-service mails the code to the ticket's client, once per
 * {@code requestId}. Keyed by the ticket id.
 *
 * <p>The one exception to "no secret travels in an event": the code itself. notification-service owns outbound mail
 * and must write the code into it; the code is short-lived ({@code expiresAt}), single-use, useless without the
 * link, and portal-service keeps only its hash. Consumers must not log it or keep it after the mail is sent.
 *
 * @param requestId   one code request (a new code replaces the previous one): one mail per request
 * @param language    the requesting browser's preferred language ("de"), or null; a consumer falls back to the
 *                    project's language where it has no template in this one
 * @param code        the six digits to mail
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
        String code,
        Instant requestedAt,
        Instant expiresAt) implements RelaydeskEvent {

    @Override
    public String key() {
        return ticketId.toString();
    }

    /** Never the code: records end up in logs and error messages. */
    @Override
    public String toString() {
        return "AccessCodeRequested[requestId=" + requestId + ", ticketId=" + ticketId + ", number=" + number
                + ", expiresAt=" + expiresAt + "]";
    }
}
