package dev.relaydesk.identity.me;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who the bearer of a token is, as Keycloak says: lets any client check its login and roles. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {

    public record Me(String username, String email, String name, Set<String> roles) {
    }

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    MeResource(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    @GET
    public Me me() {
        return new Me(token.getClaim("preferred_username"), token.getClaim("email"), token.getClaim("name"),
                new TreeSet<>(identity.getRoles()));
    }
}
