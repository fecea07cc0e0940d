package dev.relaydesk.portal.limit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fixed-window counters in PostgreSQL, so every replica counts the same hits. A bucket names what is
 * counted and whose (e.g. web form submissions of one address); the whose part is stored only hashed.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class RateLimiter {

    private final EntityManager entityManager;

    RateLimiter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Counts one hit; true while the bucket stays within {@code limit} hits in the current window. */
    public boolean tryAcquire(String purpose, String subject, int limit, Duration window) {
        return hit(purpose, subject, window) <= limit;
    }

    /** Counts one hit and returns the window's hits so far. */
    public int hit(String purpose, String subject, Duration window) {
        Number hits = (Number) entityManager.createNativeQuery("""
                insert into rate_counter (bucket, window_start, hits) values (?1, ?2, 1)
                on conflict (bucket, window_start) do update set hits = rate_counter.hits + 1
                returning hits""")
                .setParameter(1, bucket(purpose, subject))
                .setParameter(2, windowStart(window))
                .getSingleResult();
        forgetOldWindowsNowAndThen();
        return hits.intValue();
    }

    /** The current window's hits, without counting one. */
    @Transactional(TxType.SUPPORTS)
    public int hits(String purpose, String subject, Duration window) {
        Object hits = entityManager.createNativeQuery(
                "select coalesce(max(hits), 0) from rate_counter where bucket = ?1 and window_start = ?2")
                .setParameter(1, bucket(purpose, subject))
                .setParameter(2, windowStart(window))
                .getSingleResult();
        return ((Number) hits).intValue();
    }

    private void forgetOldWindowsNowAndThen() {
        if (ThreadLocalRandom.current().nextInt(500) == 0) {
            entityManager.createNativeQuery("delete from rate_counter where window_start < ?1")
                    .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).minusDays(2))
                    .executeUpdate();
        }
    }

    private static OffsetDateTime windowStart(Duration window) {
        long seconds = Math.max(1, window.toSeconds());
        long now = Instant.now().getEpochSecond();
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(now / seconds * seconds), ZoneOffset.UTC);
    }

    private static String bucket(String purpose, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(subject.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return purpose + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
