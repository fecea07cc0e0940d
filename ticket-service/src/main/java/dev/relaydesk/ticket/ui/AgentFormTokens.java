package dev.relaydesk.ticket.ui;

import dev.relaydesk.web.SignedFormTokens;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CSRF tokens for the agent UI's forms: tied to the agent's Keycloak session, so a form posts only from a
 * page rendered for that login (the session cookie is also SameSite=Lax).
 */
@ApplicationScoped
public class AgentFormTokens {

    private final SignedFormTokens tokens;

    AgentFormTokens(@ConfigProperty(name = "relaydesk.internal.api-key") String secret) {
        this.tokens = new SignedFormTokens(secret, "relaydesk agent form tokens");
    }

    public String issue(String session) {
        return tokens.issue(session);
    }

    public boolean isValid(String session, String presented) {
        return tokens.isValid(session, presented);
    }
}
