package dev.relaydesk.ticket.ui;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times on the agent pages: to the minute, in UTC (the exact instant stays in the datetime attribute). */
@TemplateExtension
public final class TimeFormats {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TimeFormats() {
    }

    static String minutes(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }
}
