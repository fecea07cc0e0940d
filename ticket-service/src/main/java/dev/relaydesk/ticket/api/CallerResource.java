package dev.relaydesk.ticket.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who the token belongs to, as ticket-service sees it: a script can check its token (and its roles) before it
 * works. It reads no table, so the ticket-create bench also uses it for the stack's own ceiling.
 */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "admin"})
public class CallerResource {

    private final SecurityIdentity identity;

    CallerResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    public Caller me() {
        return new Caller(identity.getPrincipal().getName(), new TreeSet<>(identity.getRoles()));
    }

    public record Caller(String username, Set<String> roles) {
    }
}
