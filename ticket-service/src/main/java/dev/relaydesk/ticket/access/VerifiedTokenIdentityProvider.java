package dev.relaydesk.ticket.access;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a bearer token OIDC verified lately from {@link VerifiedTokens}, ahead of OIDC's own provider; for any
 * other token it answers nothing, and OIDC verifies it as usual ({@link VerifiedTokenRecorder} then remembers it).
 */
@ApplicationScoped
public class VerifiedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** The tenant OIDC resolved for the request, as its authentication mechanism leaves it on the routing context. */
    static final String TENANT_ID = "tenant-id";
    static final String DEFAULT_TENANT = "Default";

    private final VerifiedTokens tokens;

    VerifiedTokenIdentityProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before OIDC's provider (priority 0). */
    @Override
    public int priority() {
        return 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (!(request.getToken() instanceof AccessTokenCredential bearer) || routing == null) {
            return Uni.createFrom().nullItem();
        }
        // OIDC names a bearer request's tenant only while it verifies the token, so before that there is none yet:
        // it is the default tenant, the only one here that takes bearer tokens (the web tenant logs in by code flow).
        Object named = routing.get(TENANT_ID);
        String tenant = named instanceof String id ? id : DEFAULT_TENANT;
        SecurityIdentity known = tokens.identityFor(tenant, bearer.getToken());
        if (known == null) {
            return Uni.createFrom().nullItem();
        }
        // The same identity for this request: OIDC ties the routing context and the request context to each identity
        // it makes.
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(known)
                .addAttribute(RoutingContext.class.getName(), routing)
                .addAttribute(VerifiedTokenRecorder.FROM_CACHE, Boolean.TRUE);
        identity.addAttribute(AuthenticationRequestContext.class.getName(), context);
        return Uni.createFrom().item(identity.build());
    }
}
