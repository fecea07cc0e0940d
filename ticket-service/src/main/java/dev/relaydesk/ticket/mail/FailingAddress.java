package dev.relaydesk.ticket.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** An address our mail bounced from for good, as the last delivery report said. */
@Entity
@Table(name = "failing_address")
public class FailingAddress extends PanacheEntityBase {

    @Id
    public String address;

    public String status;

    public String diagnostic;

    @Column(name = "bounced_at", nullable = false)
    public Instant bouncedAt;

    public int bounces;

    public static Optional<FailingAddress> of(String address) {
        return address == null ? Optional.empty() : findByIdOptional(normalized(address));
    }

    static void bounced(String address, String status, String diagnostic, Instant at) {
        FailingAddress failing = FailingAddress.<FailingAddress>findByIdOptional(normalized(address)).orElseGet(() -> {
            FailingAddress created = new FailingAddress();
            created.address = normalized(address);
            return created;
        });
        failing.status = status;
        failing.diagnostic = diagnostic;
        failing.bouncedAt = at;
        failing.bounces++;
        failing.persist();
    }

    /** Mail from the address arrived: its mailbox lives again (a full one was emptied, a typo was fixed). */
    static void cleared(String address) {
        if (address != null) {
            deleteById(normalized(address));
        }
    }

    private static String normalized(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
