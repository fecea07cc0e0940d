package dev.relaydesk.portal.booking;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the portal writes a call's time for clients: always in the project's zone, which it names. */
public final class CallTimes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private CallTimes() {
    }

    public static String day(ZonedDateTime at) {
        return DAY.format(at);
    }

    public static String time(ZonedDateTime at) {
        return TIME.format(at);
    }

    /** "Monday 7 December 2026, 09:00–09:30 (Europe/Berlin)". */
    public static String span(Instant start, Instant end, ZoneId zone) {
        ZonedDateTime from = start.atZone(zone);
        return day(from) + ", " + time(from) + "–" + time(end.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
