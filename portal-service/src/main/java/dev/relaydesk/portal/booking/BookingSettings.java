package dev.relaydesk.portal.booking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** How a project's clients book calls: whether at all, when (weekly hours in its zone), how long, how many at once. */
@Entity
@Table(name = "booking_settings")
public class BookingSettings extends PanacheEntityBase {

    @Id
    @Column(name = "project_key")
    public String projectKey;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "opening_hours", nullable = false)
    public List<String> openingHours = new ArrayList<>();

    @Column(name = "slot_minutes", nullable = false)
    public int slotMinutes;

    @Column(name = "days_ahead", nullable = false)
    public int daysAhead;

    /** Calls at the same time: how many agents take calls in each slot. */
    @Column(nullable = false)
    public int capacity;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<BookingSettings> of(String projectKey) {
        return projectKey == null ? Optional.empty()
                : findByIdOptional(projectKey.toUpperCase(Locale.ROOT));
    }

    /** The project's settings where its clients may book now. */
    public static Optional<BookingSettings> enabledFor(String projectKey) {
        return of(projectKey).filter(settings -> settings.enabled);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Duration slotLength() {
        return Duration.ofMinutes(slotMinutes);
    }

    public List<OpeningHours> weeklyHours() {
        return openingHours.stream().map(OpeningHours::ofStored).flatMap(Optional::stream).toList();
    }
}
