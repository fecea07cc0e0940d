package dev.relaydesk.portal.booking;

import dev.relaydesk.web.InvalidFieldException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Admins let a project's clients book calls about their tickets: whether they may, the weekly opening hours in the
 * project's time zone, the length of a call, how many days ahead, and how many calls fit in one slot (the agents
 * taking calls then). Admins also see the upcoming calls.
 */
@Path("/api/admin/projects/{projectKey}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Transactional
public class BookingSettingsResource {

    private static final String PROJECT_KEY = "[A-Za-z][A-Za-z0-9_-]{0,31}";
    private static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    /** One stretch of a weekday, "09:00" to "12:00" ("24:00" is not a time: a day's last stretch ends by 23:59). */
    public record Hours(@NotNull DayOfWeek day,
            @NotNull @Pattern(regexp = TIME, message = "a time of day, like 09:00") String from,
            @NotNull @Pattern(regexp = TIME, message = "a time of day, like 17:30") String to) {
    }

    /**
     * @param timeZone    an IANA zone id, like Europe/Berlin: opening hours and the times clients see are in it
     * @param slotMinutes the length of a call (and the step between two slots)
     * @param daysAhead   how far ahead clients may book, in days from today
     * @param capacity    how many calls may take place at the same time
     */
    public record Settings(@NotNull Boolean enabled, @NotBlank @Size(max = 64) String timeZone,
            @NotNull @Size(max = 70) List<@NotNull @Valid Hours> weeklyHours,
            @NotNull @Min(5) @Max(480) Integer slotMinutes, @NotNull @Min(1) @Max(365) Integer daysAhead,
            @NotNull @Min(1) @Max(50) Integer capacity, Instant updatedAt) {
    }

    public record UpcomingCall(UUID ticketId, String clientEmail, Instant startsAt, Instant endsAt) {
    }

    private final Slots slots;

    BookingSettingsResource(Slots slots) {
        this.slots = slots;
    }

    /** A project that never set booking up answers the defaults: off, UTC, no hours, 30-minute calls, two weeks. */
    @GET
    @Path("/booking")
    @Transactional(Transactional.TxType.SUPPORTS)
    public Settings get(@PathParam("projectKey") @Pattern(regexp = PROJECT_KEY) String projectKey) {
        return BookingSettings.of(projectKey).map(BookingSettingsResource::view)
                .orElse(new Settings(false, "UTC", List.of(), 30, 14, 1, null));
    }

    @PUT
    @Path("/booking")
    @Consumes(MediaType.APPLICATION_JSON)
    public Settings put(@PathParam("projectKey") @Pattern(regexp = PROJECT_KEY) String projectKey,
            @Valid @NotNull Settings settings) {
        ZoneId zone = zoneOf(settings.timeZone());
        List<OpeningHours> hours = checkedHours(settings.weeklyHours());
        if (settings.enabled() && hours.isEmpty()) {
            throw new InvalidFieldException("weeklyHours", "Booking needs opening hours: give at least one stretch"
                    + " of a weekday, or leave booking disabled.");
        }
        String key = projectKey.toUpperCase(Locale.ROOT);
        BookingSettings stored = BookingSettings.<BookingSettings>findByIdOptional(key).orElseGet(() -> {
            BookingSettings created = new BookingSettings();
            created.projectKey = key;
            return created;
        });
        stored.enabled = settings.enabled();
        stored.timeZone = zone.getId();
        stored.openingHours = new ArrayList<>(hours.stream().map(OpeningHours::stored).toList());
        stored.slotMinutes = settings.slotMinutes();
        stored.daysAhead = settings.daysAhead();
        stored.capacity = settings.capacity();
        stored.updatedAt = Instant.now();
        stored.persist();
        return view(stored);
    }

    /** The project's booked calls that have not ended yet, soonest first. */
    @GET
    @Path("/appointments")
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UpcomingCall> upcoming(@PathParam("projectKey") @Pattern(regexp = PROJECT_KEY) String projectKey) {
        return Appointment.upcoming(projectKey.toUpperCase(Locale.ROOT), slots.now()).stream()
                .map(call -> new UpcomingCall(call.ticketId, call.clientEmail, call.startsAt, call.endsAt)).toList();
    }

    private static ZoneId zoneOf(String timeZone) {
        try {
            String id = timeZone.strip();
            if (!ZoneId.getAvailableZoneIds().contains(id) && !id.equals("UTC")) {
                throw new DateTimeException(id);
            }
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new InvalidFieldException("timeZone", "Unknown time zone: give an IANA zone id, like Europe/Berlin.");
        }
    }

    /** Each stretch ends after it starts, and stretches of one day do not overlap. */
    private static List<OpeningHours> checkedHours(List<Hours> weeklyHours) {
        List<OpeningHours> hours = new ArrayList<>();
        for (int i = 0; i < weeklyHours.size(); i++) {
            Hours given = weeklyHours.get(i);
            LocalTime from = LocalTime.parse(given.from());
            LocalTime to = LocalTime.parse(given.to());
            if (!to.isAfter(from)) {
                throw new InvalidFieldException("weeklyHours[" + i + "].to", "A stretch ends after it starts ("
                        + given.day() + " " + given.from() + "-" + given.to() + ").");
            }
            hours.add(new OpeningHours(given.day(), from, to));
        }
        hours.sort(Comparator.comparing(OpeningHours::day).thenComparing(OpeningHours::from));
        for (int i = 1; i < hours.size(); i++) {
            OpeningHours previous = hours.get(i - 1);
            OpeningHours next = hours.get(i);
            if (previous.day() == next.day() && next.from().isBefore(previous.to())) {
                throw new InvalidFieldException("weeklyHours", "Two stretches of " + next.day() + " overlap ("
                        + previous.from() + "-" + previous.to() + " and " + next.from() + "-" + next.to() + ").");
            }
        }
        return hours;
    }

    private static Settings view(BookingSettings settings) {
        return new Settings(settings.enabled, settings.timeZone,
                settings.weeklyHours().stream()
                        .map(h -> new Hours(h.day(), h.from().toString(), h.to().toString())).toList(),
                settings.slotMinutes, settings.daysAhead, settings.capacity, settings.updatedAt);
    }
}
