package dev.relaydesk.ticket.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens this replica has verified lately, with the identity OIDC made of each, so that a client sending the
 * same token again is not verified and parsed again (Quarkus OIDC caches only introspection and UserInfo answers, not
 * locally verified JWTs; verifying was ~14% of ticket-service's CPU while creating tickets).
 * <p>
 * Keyed by the token's SHA-256, never by the token. An entry lasts until the token expires, and never longer than
 * {@link #MAX_AGE}: a signing key Keycloak withdraws, which OIDC notices only when it next reads the key set, is
 * trusted through this cache at most that much longer. Only tokens OIDC accepted get in; a changed byte is another
 * key. Bounded: when full, expired entries go first, and if none has expired nothing new is added.
 */
@Singleton
public class VerifiedTokens {

    static final Duration MAX_AGE = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 10_000;

    private record Entry(SecurityIdentity identity, Instant until) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final Clock clock;
    private final boolean enabled;

    @Inject
    VerifiedTokens(@ConfigProperty(name = "relaydesk.security.token-cache.enabled", defaultValue = "true") boolean enabled) {
        this(Clock.systemUTC(), enabled);
    }

    VerifiedTokens(Clock clock, boolean enabled) {
        this.clock = clock;
        this.enabled = enabled;
    }

    /** The identity OIDC made of this token for this tenant, while the token and the entry are still valid. */
    public SecurityIdentity identityFor(String tenant, String token) {
        if (!enabled) {
            return null;
        }
        String key = key(tenant, token);
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(key, entry);
            return null;
        }
        hits.increment();
        return entry.identity();
    }

    /** Remembers an identity OIDC made of a token it verified; a token without an expiry is not remembered. */
    public void remember(String tenant, String token, SecurityIdentity identity) {
        if (!enabled || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || !(jwt.getClaim(Claims.exp.name()) instanceof Number expiry)) {
            return;
        }
        Instant now = clock.instant();
        Instant until = Instant.ofEpochSecond(expiry.longValue());
        if (until.isAfter(now.plus(MAX_AGE))) {
            until = now.plus(MAX_AGE);
        }
        if (!until.isAfter(now)) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (entries.size() >= MAX_ENTRIES) {
                return;
            }
        }
        entries.put(key(tenant, token), new Entry(identity, until));
    }

    /** How many requests were answered from the cache since start. */
    public long hits() {
        return hits.sum();
    }

    int size() {
        return entries.size();
    }

    private static String key(String tenant, String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return tenant + ":" + HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
