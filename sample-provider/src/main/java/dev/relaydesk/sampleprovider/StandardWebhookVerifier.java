package dev.relaydesk.sampleprovider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a receiver writes when it has no Standard Webhooks library at hand: the HMAC-SHA256 of
 * {@code id.timestamp.body} under the base64 key after {@code whsec_}, compared in constant time against each
 * {@code v1,} signature of the header, and a timestamp no more than five minutes off. Deliberately written
 * apart from the gateway's signer, so the two check each other.
 */
final class StandardWebhookVerifier {

    static final long TOLERANCE_SECONDS = 5 * 60;

    private final byte[] key;

    StandardWebhookVerifier(String secret) {
        String base64 = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        this.key = Base64.getDecoder().decode(base64);
    }

    /** Null when the request is authentic, else the reason to refuse it. */
    String problem(String id, String timestamp, String signatures, byte[] body, Instant now) {
        if (id == null || timestamp == null || signatures == null) {
            return "missing webhook-id, webhook-timestamp or webhook-signature";
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "bad webhook-timestamp";
        }
        if (Math.abs(now.getEpochSecond() - sentAt) > TOLERANCE_SECONDS) {
            return "webhook-timestamp too old or too new";
        }
        byte[] expected = hmac((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,")) {
                try {
                    if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                        return null;
                    }
                } catch (IllegalArgumentException e) {
                    // not base64: not a match, try the next one
                }
            }
        }
        return "no valid signature";
    }

    private byte[] hmac(byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
