package dev.relaydesk.portal.link;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Mints and resolves per-ticket links. A token is 256 random bits, shown once (in the link) and stored only
 * as its SHA-256, so a database leak reveals no working link.
 */
@ApplicationScoped
public class AccessLinks {

    private static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();

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

    /** The live link a token opens; empty for a malformed, unknown or revoked token alike. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AccessLink> resolve(String token) {
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return AccessLink.<AccessLink>find("tokenHash", hash(token)).firstResultOptional()
                .filter(link -> link.revokedAt == null);
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
