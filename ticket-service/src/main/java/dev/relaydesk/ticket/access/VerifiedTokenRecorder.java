package dev.relaydesk.ticket.access;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Remembers the identity OIDC made of a bearer token it has just verified, for {@link VerifiedTokenIdentityProvider}.
 * Runs before any other augmentor, so what is remembered is OIDC's identity as OIDC made it.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    /** Marks an identity answered from the cache (nothing to remember again). */
    static final String FROM_CACHE = "relaydesk.verified-token-cache";

    private final VerifiedTokens tokens;

    VerifiedTokenRecorder(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        AccessTokenCredential bearer = identity.getCredential(AccessTokenCredential.class);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        // a bearer JWT (not a code flow's session, which carries an ID token) that OIDC has just verified
        boolean verifiedJustNow = bearer != null && !bearer.isOpaque() && identity.getAttribute(FROM_CACHE) == null
                && identity.getCredential(IdTokenCredential.class) == null && routing != null;
        if (verifiedJustNow && identity.getAttribute(VerifiedTokenIdentityProvider.TENANT_ID) instanceof String tenant
                && tenant.equals(routing.get(VerifiedTokenIdentityProvider.TENANT_ID))) {
            tokens.remember(tenant, bearer.getToken(), identity);
        }
        return Uni.createFrom().item(identity);
    }
}
