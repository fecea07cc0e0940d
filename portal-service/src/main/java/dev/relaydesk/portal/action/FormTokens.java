package dev.relaydesk.portal.action;

import dev.relaydesk.web.SignedFormTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** CSRF tokens for the link page's forms: a form posts only from a page that link rendered. */
@ApplicationScoped
public class FormTokens {

    private final SignedFormTokens tokens;

    FormTokens(@ConfigProperty(name = "relaydesk.internal.api-key") String secret) {
        this.tokens = new SignedFormTokens(secret, "relaydesk portal form tokens");
    }

    public String issue(UUID linkId) {
        return tokens.issue(linkId.toString());
    }

    public boolean isValid(UUID linkId, String presented) {
        return tokens.isValid(linkId.toString(), presented);
    }
}
