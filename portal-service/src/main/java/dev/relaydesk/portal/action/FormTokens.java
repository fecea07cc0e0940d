package dev.relaydesk.portal.action;

import dev.relaydesk.web.SignedFormTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** CSRF tokens for the portal's forms: a form posts only from a page rendered for that link (or that client). */
@ApplicationScoped
public class FormTokens {

    private final SignedFormTokens tokens;
    private final SignedFormTokens clientTokens;

    FormTokens(@ConfigProperty(name = "relaydesk.internal.api-key") String secret) {
        this.tokens = new SignedFormTokens(secret, "relaydesk portal form tokens");
        this.clientTokens = new SignedFormTokens(secret, "relaydesk portal logged-in client form tokens");
    }

    /** For the pages of a logged-in client: a form posts only from a page rendered for that client. */
    public String issueForClient(String email) {
        return clientTokens.issue(email.toLowerCase(java.util.Locale.ROOT));
    }

    public boolean isValidForClient(String email, String presented) {
        return clientTokens.isValid(email.toLowerCase(java.util.Locale.ROOT), presented);
    }

    public String issue(UUID linkId) {
        return tokens.issue(linkId.toString());
    }

    public boolean isValid(UUID linkId, String presented) {
        return tokens.isValid(linkId.toString(), presented);
    }
}
