package dev.relaydesk.portal.link;

import dev.relaydesk.portal.limit.ClientAddresses;
import dev.relaydesk.portal.limit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mints and resolves per-ticket links. A token is 256 random bits, shown once (in the link) and stored only
 * as its SHA-256, so a database leak reveals no working link. Wrong, malformed, revoked and expired tokens
 * look the same to the visitor; an address that keeps failing is slowed down.
 */
@ApplicationScoped
public class AccessLinks {

    private static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String FAILED_LOOKUPS = "link-lookup-failures";

    private final SecureRandom random = new SecureRandom();
    private final LinkPolicies policies;
    private final RateLimiter limiter;
    private final ClientAddresses addresses;
    private final int failuresPerAddress;
    private final Duration failureWindow;

    AccessLinks(LinkPolicies policies, RateLimiter limiter, ClientAddresses addresses,
            @ConfigProperty(name = "relaydesk.portal.links.failed-lookups-per-address", defaultValue = "30") int failuresPerAddress,
            @ConfigProperty(name = "relaydesk.portal.links.failed-lookup-window", defaultValue = "PT15M") Duration failureWindow) {
        this.policies = policies;
        this.limiter = limiter;
        this.addresses = addresses;
        this.failuresPerAddress = failuresPerAddress;
        this.failureWindow = failureWindow;
    }

    /** A new link for the ticket's client; returns the token, which is not stored anywhere. */
    @Transactional
    public String mint(UUID ticketId, String clientEmail) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        AccessLink link = new AccessLink();
        link.id = UUID.randomUUID();
        link.ticketId = ticketId;
        link.clientEmail = clientEmail;
        link.tokenHash = hash(token);
        link.createdAt = Instant.now();
        link.persist();
        return token;
    }

    /**
     * The live link a token opens for the current visitor; empty for a malformed, unknown, revoked or expired
     * token alike, and each such miss counts against the visitor's address.
     *
     * @throws TooManyFailedLookupsException when the address already failed too often in the current window
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AccessLink> resolve(String token) {
        String address = addresses.current();
        if (limiter.hits(FAILED_LOOKUPS, address, failureWindow) >= failuresPerAddress) {
            throw new TooManyFailedLookupsException();
        }
        Optional<AccessLink> link = lookup(token);
        if (link.isEmpty()) {
            limiter.hit(FAILED_LOOKUPS, address, failureWindow);
        }
        return link;
    }

    private Optional<AccessLink> lookup(String token) {
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return AccessLink.<AccessLink>find("tokenHash", hash(token)).firstResultOptional()
                .filter(link -> link.revokedAt == null)
                .filter(link -> policies.expiresAt(link).isAfter(now));
    }

    /** Records that the link was used; the address is kept only as its network. */
    @Transactional
    public void recordAccess(AccessLink link, LinkAccess.Action action) {
        LinkAccess access = new LinkAccess();
        access.linkId = link.id;
        access.ticketId = link.ticketId;
        access.at = Instant.now();
        access.action = action;
        access.clientNetwork = ClientAddresses.network(addresses.current());
        access.persist();
    }

    /**
     * Revokes every live link of the ticket; the next mail to the client mints a new one. Browsers trusted to write
     * through them (see WriteCodes) are forgotten, and so are codes not yet entered.
     */
    @Transactional
    public int revokeAll(UUID ticketId) {
        String ofTicket = "linkId in (select link.id from AccessLink link where link.ticketId = ?1)";
        TrustedBrowser.delete(ofTicket, ticketId);
        WriteCode.delete(ofTicket, ticketId);
        return AccessLink.update("revokedAt = ?1 where ticketId = ?2 and revokedAt is null", Instant.now(), ticketId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccessLink> ofTicket(UUID ticketId) {
        return AccessLink.list("ticketId = ?1 order by createdAt, id", ticketId);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
