package dev.relaydesk.portal.agent;

import dev.relaydesk.portal.link.LinkPolicies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * Admins set how long a project's client links live (the default applies to every other project), and whether a
 * browser must enter a code mailed to the client before it writes through a link ({@code writeCodeRequired}, off
 * unless set; left out of a PUT, it stays as it was).
 */
@Path("/api/admin/projects/{projectKey}/link-policy")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class LinkPolicyResource {

    public record Policy(String projectKey, @NotNull @Min(1) @Max(3650) Integer expiryDays,
            Boolean writeCodeRequired) {
    }

    private final LinkPolicies policies;

    LinkPolicyResource(LinkPolicies policies) {
        this.policies = policies;
    }

    @GET
    public Policy get(@PathParam("projectKey") @Pattern(regexp = "[A-Za-z][A-Za-z0-9_-]{0,31}") String projectKey) {
        return new Policy(projectKey.toUpperCase(Locale.ROOT), policies.expiryDays(projectKey),
                policies.writeCodeRequired(projectKey));
    }

    @PUT
    public Policy put(@PathParam("projectKey") @Pattern(regexp = "[A-Za-z][A-Za-z0-9_-]{0,31}") String projectKey,
            @Valid @NotNull Policy policy) {
        policies.set(projectKey, policy.expiryDays(), policy.writeCodeRequired());
        return get(projectKey);
    }
}
