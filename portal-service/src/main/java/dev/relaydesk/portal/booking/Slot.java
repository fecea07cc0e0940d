package dev.relaydesk.portal.booking;

import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * A time a call can start, with the places left in it; {@code start} is in the project's zone, as clients see it.
 *
 * @param free places left (0 for a full slot, which the page does not offer)
 */
public record Slot(ZonedDateTime start, ZonedDateTime end, int free) {

    public Instant startsAt() {
        return start.toInstant();
    }

    /** The value a booking form posts for this slot. */
    public String value() {
        return startsAt().toString();
    }

    public String time() {
        return CallTimes.time(start);
    }

    public String day() {
        return CallTimes.day(start);
    }
}
