package dev.relaydesk.notification.delivery;

import dev.relaydesk.events.AppointmentChanged;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A booked call's time as the client chose it: in the project's zone, which it names. */
final class AppointmentTimes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private AppointmentTimes() {
    }

    /** "Monday 7 December 2026, 09:00–09:30 (Europe/Berlin)". */
    static String span(AppointmentChanged call) {
        ZoneId zone = zoneOf(call.timeZone());
        return DAY.format(call.startsAt().atZone(zone))
                + (call.endsAt() == null ? "" : "–" + TIME.format(call.endsAt().atZone(zone)))
                + " (" + zone.getId() + ")";
    }

    private static ZoneId zoneOf(String timeZone) {
        try {
            return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
