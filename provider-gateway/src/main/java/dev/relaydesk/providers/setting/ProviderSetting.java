package dev.relaydesk.providers.setting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** How one kind of provider is served: built in, or an external web service (URL + secret) with a timeout. */
@Entity
@Table(name = "provider")
public class ProviderSetting extends PanacheEntityBase {

    public enum Kind {
        LOGIN, REGISTRATION, CUSTOM_FIELDS, TICKET_SCREENING, USER_INFORMATION
    }

    public enum Mode {
        BUILT_IN, EXTERNAL
    }

    /** What a synchronous provider's caller gets when the external service does not answer usably. */
    public enum Fallback {
        ACCEPT_UNCHANGED, REJECT
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Mode mode;

    public String url;

    /** {@code whsec_...}; never leaves the gateway except in a signature (and once, when the gateway made it). */
    public String secret;

    @Column(name = "timeout_ms", nullable = false)
    public int timeoutMs;

    @Enumerated(EnumType.STRING)
    public Fallback fallback;

    /** How long an answer may be reused (user information); null: the kind's default. */
    @Column(name = "cache_ttl_seconds")
    public Integer cacheTtlSeconds;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<ProviderSetting> of(Kind kind) {
        return find("kind", kind).firstResultOptional();
    }

    public static Optional<ProviderSetting> enabled(Kind kind) {
        return find("kind = ?1 and enabled = true", kind).firstResultOptional();
    }

    public Fallback fallbackOrDefault() {
        return fallback == null ? Fallback.ACCEPT_UNCHANGED : fallback;
    }

    @Override
    public String toString() {
        return "ProviderSetting[" + kind + ", " + mode + "]"; // never the secret
    }
}
