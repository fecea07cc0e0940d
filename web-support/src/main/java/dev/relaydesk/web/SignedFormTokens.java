package dev.relaydesk.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens for server-rendered forms: an HMAC of what the form belongs to (a link, a login session), so
 * a form posts only from a page rendered for it. Stateless, so any replica checks what another rendered.
 * The key is derived from the deployment's secret and a purpose, so a token reveals nothing of the secret
 * and one purpose's tokens are worthless for another.
 */
public final class SignedFormTokens {

    private final SecretKeySpec key;

    public SignedFormTokens(String secret, String purpose) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                purpose), "HmacSHA256");
    }

    public String issue(String subject) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, "form:" + subject));
    }

    public boolean isValid(String subject, String presented) {
        return presented != null && MessageDigest.isEqual(issue(subject).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
