package dev.relaydesk.portal.form;

import dev.relaydesk.web.SignedFormTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CSRF tokens of the public web form. Nobody is logged in, so a token is bound to the project and the moment
 * the form was rendered, and is good for a day: a form kept open over lunch still sends, a harvested token soon
 * stops working.
 */
@ApplicationScoped
public class WebFormTokens {

    private static final Duration LIFETIME = Duration.ofHours(24);

    private final SignedFormTokens tokens;

    WebFormTokens(@ConfigProperty(name = "relaydesk.internal.api-key") String secret) {
        this.tokens = new SignedFormTokens(secret, "relaydesk portal web form tokens");
    }

    public String issue(String projectKey) {
        long issued = Instant.now().getEpochSecond();
        return issued + "." + tokens.issue(subject(projectKey, issued));
    }

    public boolean isValid(String projectKey, String presented) {
        if (presented == null) {
            return false;
        }
        int dot = presented.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long issued;
        try {
            issued = Long.parseLong(presented.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        long age = Instant.now().getEpochSecond() - issued;
        return age >= -60 && age <= LIFETIME.toSeconds()
                && tokens.isValid(subject(projectKey, issued), presented.substring(dot + 1));
    }

    private static String subject(String projectKey, long issued) {
        return "webform|" + projectKey.toUpperCase(Locale.ROOT) + "|" + issued;
    }
}
