package dev.relaydesk.portal.action;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CSRF tokens for the link page's forms: an HMAC of the link's id, so a form posts only from a page that
 * link rendered. Stateless, so any replica checks what another rendered.
 */
@ApplicationScoped
public class FormTokens {

    private final SecretKeySpec key;

    FormTokens(@ConfigProperty(name = "relaydesk.internal.api-key") String secret) {
        // a key of its own, derived from the deployment's secret, so a form token reveals nothing of it
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                "relaydesk portal form tokens"), "HmacSHA256");
    }

    public String issue(UUID linkId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, "form:" + linkId));
    }

    public boolean isValid(UUID linkId, String presented) {
        return presented != null && MessageDigest.isEqual(issue(linkId).getBytes(StandardCharsets.US_ASCII),
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
