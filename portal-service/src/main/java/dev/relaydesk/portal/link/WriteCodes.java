package dev.relaydesk.portal.link;

import dev.relaydesk.events.AccessCodeRequested;
import dev.relaydesk.messaging.outbox.Outbox;
import dev.relaydesk.portal.limit.RateLimiter;
import dev.relaydesk.portal.ticket.PortalTicket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One-time codes that let a browser write through a link, for projects whose link policy asks for them: a forwarded
 * link then reads but cannot write. A code is six digits, mailed to the link's client by notification-service (the
 * {@link AccessCodeRequested} event, through the outbox, asks for the mail; the code is made when notification-service
 * fetches it, see {@link #issue}), valid ten minutes, dead after its fifth wrong try; a new
 * request replaces it, but not more often than the resend interval allows. Only an HMAC of the code is stored (a
 * plain hash of six digits is reversed in a blink). A correct code trusts the browser through a random cookie, of
 * which only the SHA-256 is kept, per link: a revoked or new link trusts nobody.
 */
@ApplicationScoped
public class WriteCodes {

    public static final Duration VALIDITY = Duration.ofMinutes(10);
    public static final int MAX_WRONG_TRIES = 5;
    private static final int COOKIE_BYTES = 32;
    private static final String REQUESTS = "write-code-requests";

    /** What became of a request for a code. */
    public sealed interface Request permits Sent, TooSoon {
    }

    public record Sent(Instant expiresAt) implements Request {
    }

    /** Asked again too soon (or too often this hour): the last code is still on its way. */
    public record TooSoon(long retryAfterSeconds) implements Request {
    }

    /** What became of an entered code. */
    public sealed interface Check permits Trusted, Wrong, Locked, NoLiveCode {
    }

    /** Right: the browser's cookie value (shown to this browser only, stored only hashed). */
    public record Trusted(String cookieValue) implements Check {
    }

    public record Wrong(int triesLeft) implements Check {
    }

    /** The fifth wrong try: this code is dead, a new one is needed. */
    public record Locked() implements Check {
    }

    /** No code was asked for, or it expired or was used. */
    public record NoLiveCode() implements Check {
    }

    private final SecureRandom random = new SecureRandom();
    private final Outbox outbox;
    private final AccessLinks links;
    private final RateLimiter limiter;
    private final SecretKeySpec key;
    private final Duration resendInterval;
    private final int requestsPerHour;

    WriteCodes(Outbox outbox, AccessLinks links, RateLimiter limiter,
            @ConfigProperty(name = "relaydesk.internal.api-key") String secret,
            @ConfigProperty(name = "relaydesk.portal.links.code-resend-interval", defaultValue = "PT1M") Duration resendInterval,
            @ConfigProperty(name = "relaydesk.portal.links.codes-per-hour", defaultValue = "5") int requestsPerHour) {
        this.outbox = outbox;
        this.links = links;
        this.limiter = limiter;
        this.key = new SecretKeySpec(("relaydesk link write codes:" + secret).getBytes(StandardCharsets.UTF_8),
                "HmacSHA256");
        this.resendInterval = resendInterval;
        this.requestsPerHour = requestsPerHour;
    }

    /** Whether this browser (its cookie value, or null) entered a code for this link. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean trusts(AccessLink link, String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 100) {
            return false;
        }
        TrustedBrowser browser = TrustedBrowser.findById(sha256(cookieValue));
        return browser != null && browser.linkId.equals(link.id);
    }

    /** Whether a code was mailed for this link that can still be entered. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasLiveCode(AccessLink link) {
        WriteCode code = WriteCode.findById(link.id);
        return code != null && isLive(code, Instant.now());
    }

    /**
     * A new code for the link's client, replacing any earlier one, and its mail asked of notification-service in the
     * same transaction.
     *
     * @param language the browser's preferred language, or null
     */
    @Transactional
    public Request request(AccessLink link, PortalTicket ticket, String language) {
        // the link's row, locked, orders two requests of one link (two clicks, two replicas): the second sees the
        // first's code and is told to wait, instead of both inserting one
        AccessLink.findById(link.id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        WriteCode code = WriteCode.findById(link.id);
        if (code != null && code.createdAt.plus(resendInterval).isAfter(now)) {
            return new TooSoon(Math.max(1, Duration.between(now, code.createdAt.plus(resendInterval)).toSeconds()));
        }
        if (!limiter.tryAcquire(REQUESTS, link.id.toString(), requestsPerHour, Duration.ofHours(1))) {
            return new TooSoon(Duration.ofHours(1).toSeconds() - now.getEpochSecond() % 3600);
        }
        if (code == null) {
            code = new WriteCode();
            code.linkId = link.id;
        }
        code.requestId = UUID.randomUUID();
        code.codeHash = null;
        code.createdAt = now;
        code.expiresAt = now.plus(VALIDITY);
        code.wrongTries = 0;
        code.persist();
        outbox.publish(new AccessCodeRequested(code.requestId, link.ticketId, ticket.number, ticket.projectKey,
                ticket.title, link.clientEmail, ticket.clientName, language, now, code.expiresAt));
        links.recordAccess(link, LinkAccess.Action.CODE_SENT);
        return new Sent(code.expiresAt);
    }

    /**
     * The code of a request, for notification-service to mail: made now, so it never travels in an event. Asking
     * again makes a new one (a mail retried after a crash carries the one that works); a request that was replaced,
     * has expired or is locked has none.
     */
    @Transactional
    public Optional<IssuedCode> issue(UUID requestId) {
        Optional<WriteCode> found = WriteCode.find("requestId", requestId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
        if (found.isEmpty() || !isLive(found.get(), Instant.now())) {
            return Optional.empty();
        }
        WriteCode code = found.get();
        String digits = "%06d".formatted(random.nextInt(1_000_000));
        code.codeHash = hmac(code.linkId, digits);
        return Optional.of(new IssuedCode(digits, code.expiresAt));
    }

    /** A code to mail, and until when it works. */
    public record IssuedCode(String code, Instant expiresAt) {
    }

    /** Checks an entered code; a right one is used up and trusts the browser. */
    @Transactional
    public Check check(AccessLink link, String entered) {
        Instant now = Instant.now();
        WriteCode code = WriteCode.findById(link.id, LockModeType.PESSIMISTIC_WRITE);
        if (code == null || code.expiresAt.isBefore(now)) {
            return new NoLiveCode();
        }
        if (code.wrongTries >= MAX_WRONG_TRIES) {
            return new Locked();
        }
        String digits = entered == null ? "" : entered.replaceAll("\\s", "");
        if (!digits.matches("\\d{6}") || code.codeHash == null || !MessageDigest.isEqual(
                hmac(link.id, digits).getBytes(StandardCharsets.US_ASCII), code.codeHash.getBytes(StandardCharsets.US_ASCII))) {
            code.wrongTries++;
            links.recordAccess(link, LinkAccess.Action.CODE_REJECTED);
            return code.wrongTries >= MAX_WRONG_TRIES ? new Locked() : new Wrong(MAX_WRONG_TRIES - code.wrongTries);
        }
        code.delete();
        byte[] bytes = new byte[COOKIE_BYTES];
        random.nextBytes(bytes);
        String cookieValue = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        TrustedBrowser browser = new TrustedBrowser();
        browser.cookieHash = sha256(cookieValue);
        browser.linkId = link.id;
        browser.trustedAt = now;
        browser.persist();
        links.recordAccess(link, LinkAccess.Action.CODE_ACCEPTED);
        return new Trusted(cookieValue);
    }

    private static boolean isLive(WriteCode code, Instant now) {
        return code.expiresAt.isAfter(now) && code.wrongTries < MAX_WRONG_TRIES;
    }

    /** Keyed by the service's secret and bound to the link, so a database copy does not give the codes away. */
    private String hmac(UUID linkId, String digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((linkId + ":" + digits).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "j***@example.com": enough for the client to recognize their address, too little for anyone else. */
    public static String masked(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        if (at < 1) {
            return "your email address";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
