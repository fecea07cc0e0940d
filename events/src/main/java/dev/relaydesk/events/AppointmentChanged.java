package dev.relaydesk.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A client booked, moved or cancelled a call about their ticket on the portal (portal-service owns appointments).
 * ticket-service tells the ticket's agents; notification-service confirms a booking or a move to the client, with
 * the time in the project's time zone. Keyed by the ticket id.
 *
 * @param appointmentId    the booking (a move is a new booking: the new one's id)
 * @param change           what the client did
 * @param startsAt         the call's start (for a cancellation: the start of the call that no longer happens)
 * @param endsAt           the call's end
 * @param timeZone         the project's booking time zone (an IANA id, "Europe/Berlin"): the times as the client saw them
 * @param previousStartsAt the start before a move; null otherwise
 * @param changedAt        when the client did it
 */
public record AppointmentChanged(
        UUID appointmentId,
        UUID ticketId,
        String number,
        String projectKey,
        String title,
        String clientEmail,
        String clientName,
        Change change,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        Instant previousStartsAt,
        Instant changedAt) implements RelaydeskEvent {

    public enum Change {
        BOOKED,
        MOVED,
        CANCELLED
    }

    @Override
    public String key() {
        return ticketId.toString();
    }
}
