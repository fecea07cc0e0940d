package dev.relaydesk.portal.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The slots a project offers from now until its booking horizon: its weekly hours cut into slots of its length, each
 * with the places its bookings leave. A slot that has started is no longer offered.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Slots {

    private final Clock clock;

    Slots() {
        this(Clock.systemUTC());
    }

    Slots(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Every slot of the horizon, full ones included (with no place left). */
    public List<Slot> all(BookingSettings settings) {
        ZoneId zone = settings.zone();
        Instant now = now();
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Slot> slots = new ArrayList<>();
        Map<Instant, Integer> taken = takenPlaces(settings.projectKey, now,
                today.plusDays(settings.daysAhead + 1L).atStartOfDay(zone).toInstant());
        for (LocalDate date = today; !date.isAfter(today.plusDays(settings.daysAhead)); date = date.plusDays(1)) {
            for (OpeningHours hours : settings.weeklyHours()) {
                if (hours.day() != date.getDayOfWeek()) {
                    continue;
                }
                // in minutes of the day: a slot never runs past the stretch's end, nor past midnight
                int end = hours.to().toSecondOfDay() / 60;
                for (int minute = hours.from().toSecondOfDay() / 60; minute + settings.slotMinutes <= end;
                        minute += settings.slotMinutes) {
                    ZonedDateTime start = ZonedDateTime.of(date, LocalTime.ofSecondOfDay(minute * 60L), zone);
                    if (start.toInstant().isAfter(now)) {
                        int free = settings.capacity - taken.getOrDefault(start.toInstant(), 0);
                        slots.add(new Slot(start, start.plus(settings.slotLength()), Math.max(0, free)));
                    }
                }
            }
        }
        slots.sort((a, b) -> a.start().compareTo(b.start()));
        return slots;
    }

    /** The slot that starts then, if the project offers one (free or full). */
    public Optional<Slot> at(BookingSettings settings, Instant startsAt) {
        return all(settings).stream().filter(slot -> slot.startsAt().equals(startsAt)).findFirst();
    }

    private static Map<Instant, Integer> takenPlaces(String projectKey, Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Appointment.getEntityManager().createNativeQuery("""
                select starts_at, count(*) from appointment
                where project_key = :project and cancelled_at is null and starts_at >= :from and starts_at < :to
                group by starts_at""")
                .setParameter("project", projectKey).setParameter("from", from).setParameter("to", to)
                .getResultList();
        Map<Instant, Integer> taken = new HashMap<>();
        for (Object[] row : rows) {
            taken.put(instant(row[0]), ((Number) row[1]).intValue());
        }
        return taken;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
