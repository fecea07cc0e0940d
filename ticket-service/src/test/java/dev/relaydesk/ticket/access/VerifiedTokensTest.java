package dev.relaydesk.ticket.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** The verified-token cache's rules, on a clock the test moves. */
class VerifiedTokensTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T03:00:00Z"));
    private final VerifiedTokens tokens = new VerifiedTokens(clock, true);

    @Test
    void aRememberedTokenIsKnownToItsTenantOnly() {
        SecurityIdentity agent = identityExpiringIn(Duration.ofMinutes(5));
        tokens.remember("Default", "header.claims.signature", agent);

        assertSame(agent, tokens.identityFor("Default", "header.claims.signature"));
        assertNull(tokens.identityFor("web", "header.claims.signature"));
        assertNull(tokens.identityFor("Default", "header.claims.signaturf"));
    }

    @Test
    void anEntryEndsWhenTheTokenExpires() {
        tokens.remember("Default", "t", identityExpiringIn(Duration.ofSeconds(30)));
        clock.advance(Duration.ofSeconds(29));
        assertEquals(1, tokens.size());
        assertSame(tokens.identityFor("Default", "t"), tokens.identityFor("Default", "t"));
        clock.advance(Duration.ofSeconds(1));
        assertNull(tokens.identityFor("Default", "t"));
        assertEquals(0, tokens.size());
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        tokens.remember("Default", "t", identityExpiringIn(Duration.ofHours(1)));
        clock.advance(VerifiedTokens.MAX_AGE.minusSeconds(1));
        assertSame(tokens.identityFor("Default", "t"), tokens.identityFor("Default", "t"));
        clock.advance(Duration.ofSeconds(1));
        assertNull(tokens.identityFor("Default", "t"));
    }

    @Test
    void anExpiredTokenOrOneWithoutExpiryIsNotRemembered() {
        tokens.remember("Default", "expired", identityExpiringIn(Duration.ofSeconds(-1)));
        tokens.remember("Default", "no-expiry", QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(new JwtClaims())).build());
        assertEquals(0, tokens.size());
    }

    @Test
    void aFullCacheMakesRoomOnlyFromExpiredEntries() {
        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES - 1; i++) {
            tokens.remember("Default", "long-" + i, identityExpiringIn(Duration.ofMinutes(5)));
        }
        tokens.remember("Default", "short", identityExpiringIn(Duration.ofSeconds(10)));
        tokens.remember("Default", "one-too-many", identityExpiringIn(Duration.ofMinutes(5)));
        assertNull(tokens.identityFor("Default", "one-too-many"));
        assertEquals(VerifiedTokens.MAX_ENTRIES, tokens.size());

        clock.advance(Duration.ofSeconds(10));
        tokens.remember("Default", "after-the-short-one", identityExpiringIn(Duration.ofMinutes(5)));
        assertEquals(VerifiedTokens.MAX_ENTRIES, tokens.size());
        assertNull(tokens.identityFor("Default", "short"));
        assertSame(tokens.identityFor("Default", "after-the-short-one"), tokens.identityFor("Default", "after-the-short-one"));
    }

    @Test
    void aDisabledCacheRemembersNothing() {
        VerifiedTokens off = new VerifiedTokens(clock, false);
        off.remember("Default", "t", identityExpiringIn(Duration.ofMinutes(5)));
        assertNull(off.identityFor("Default", "t"));
        assertEquals(0, off.size());
    }

    private SecurityIdentity identityExpiringIn(Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("agent");
        claims.setExpirationTime(NumericDate.fromSeconds(clock.instant().plus(lifetime).getEpochSecond()));
        return QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal(claims)).addRole("agent").build();
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
