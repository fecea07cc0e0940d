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

    public static final String ROLE_CLIENT = "client";
    public static final String ROLE_NONE = "none";

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

    /** login: realm role of a user imported from the external service ({@code client} or {@code none}); null: client. */
    @Column(name = "login_default_role")
    public String loginDefaultRole;

    /** login: every email the service vouches for counts as verified; null: false. */
    @Column(name = "login_email_verified")
    public Boolean loginEmailVerified;

    /** login: the company's own login page, if it has one (shown to admins and other services, never called). */
    @Column(name = "login_url")
    public String loginUrl;

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

    public String loginDefaultRole() {
        return loginDefaultRole == null ? ROLE_CLIENT : loginDefaultRole;
    }

    public boolean loginEmailVerified() {
        return Boolean.TRUE.equals(loginEmailVerified);
    }

    public Fallback fallbackOrDefault() {
        return fallback == null ? Fallback.ACCEPT_UNCHANGED : fallback;
    }

    @Override
    public String toString() {
        return "ProviderSetting[" + kind + ", " + mode + "]"; // never the secret
    }
}
