package dev.relaydesk.portal.booking;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;

/**
 * One stretch of a weekday on which calls can be booked, in the project's time zone ("MONDAY 09:00-12:00" as stored).
 * A day may have several (a lunch break between them).
 */
public record OpeningHours(DayOfWeek day, LocalTime from, LocalTime to) {

    public String stored() {
        return day + " " + from + "-" + to;
    }

    /** Stored lines are written by {@link #stored()} only; a line that does not read is skipped, not fatal. */
    static Optional<OpeningHours> ofStored(String line) {
        try {
            String[] dayAndTimes = line.strip().split(" ", 2);
            String[] times = dayAndTimes[1].split("-", 2);
            return Optional.of(new OpeningHours(DayOfWeek.valueOf(dayAndTimes[0].toUpperCase(Locale.ROOT)),
                    LocalTime.parse(times[0]), LocalTime.parse(times[1])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

}
