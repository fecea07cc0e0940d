package dev.relaydesk.providers.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies requests the Standard Webhooks way, so receivers can check them with an off-the-shelf
 * library: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, keyed by the base64 key
 * after the {@code whsec_} prefix of the secret.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    public static final String SECRET_PREFIX = "whsec_";
    /** Older or newer timestamps are refused, so a captured request cannot be replayed later. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String VERSION = "v1";
    private static final int GENERATED_KEY_BYTES = 32;
    private static final int MIN_KEY_BYTES = 24;
    private static final int MAX_KEY_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private WebhookSignature(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** From a secret {@code whsec_<base64 key>}; the prefix may be left out, as the reference libraries allow. */
    public static WebhookSignature forSecret(String secret) {
        return new WebhookSignature(decodeKey(secret));
    }

    /** A new random secret in the {@code whsec_} form. */
    public static String newSecret() {
        byte[] key = new byte[GENERATED_KEY_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Why a secret is not usable, or null when it is. Never repeats the secret. */
    public static String problemWith(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return "must start with " + SECRET_PREFIX;
        }
        try {
            int length = decodeKey(secret).length;
            if (length < MIN_KEY_BYTES || length > MAX_KEY_BYTES) {
                return "the key after " + SECRET_PREFIX + " must be " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " bytes";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "the key after " + SECRET_PREFIX + " must be base64";
        }
    }

    /** The header value for one message: {@code v1,<base64 signature>}. */
    public String sign(String messageId, long timestampSeconds, byte[] body) {
        return VERSION + "," + Base64.getEncoder().encodeToString(hmac(messageId, timestampSeconds, body));
    }

    /**
     * Checks a received request: the timestamp is within {@link #TOLERANCE} of {@code now} and one of the
     * space-separated {@code v1,} signatures matches (several are sent while a secret is being rotated).
     */
    public void verify(String messageId, String timestamp, String signatureHeader, byte[] body, Instant now) {
        if (messageId == null || timestamp == null || signatureHeader == null) {
            throw new InvalidSignatureException("missing webhook-id, webhook-timestamp or webhook-signature header");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSignatureException("webhook-timestamp is not a number of seconds");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            throw new InvalidSignatureException("webhook-timestamp is outside the " + TOLERANCE.toMinutes() + "-minute window");
        }
        byte[] expected = hmac(messageId, seconds, body);
        for (String candidate : signatureHeader.trim().split(" +")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !VERSION.equals(candidate.substring(0, comma))) {
                continue;
            }
            byte[] presented;
            try {
                presented = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, presented)) {
                return;
            }
        }
        throw new InvalidSignatureException("no matching v1 signature");
    }

    private byte[] hmac(String messageId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static byte[] decodeKey(String secret) {
        if (secret == null) {
            throw new IllegalArgumentException("no secret");
        }
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    /** A request whose signature does not prove it came from the holder of the secret. */
    public static class InvalidSignatureException extends RuntimeException {

        public InvalidSignatureException(String message) {
            super(message);
        }
    }
}
