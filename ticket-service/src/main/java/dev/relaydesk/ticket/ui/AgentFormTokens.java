package dev.relaydesk.ticket.ui;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CSRF tokens for the agent UI's forms: an HMAC of the agent's Keycloak session, so a form posts only from a
 * page rendered for that login (the session cookie is also SameSite=Lax). Stateless, so any replica checks
 * what another rendered.
 */
@ApplicationScoped
public class AgentFormTokens {

    private final SecretKeySpec key;

    AgentFormTokens(@ConfigProperty(name = "relaydesk.internal.api-key") String secret) {
        // a key of its own, derived from the deployment's secret, so a form token reveals nothing of it
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                "relaydesk agent form tokens"), "HmacSHA256");
    }

    public String issue(String session) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, "agent-form:" + session));
    }

    public boolean isValid(String session, String presented) {
        return presented != null && MessageDigest.isEqual(issue(session).getBytes(StandardCharsets.US_ASCII),
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
