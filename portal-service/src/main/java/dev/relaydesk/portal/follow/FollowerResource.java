package dev.relaydesk.portal.follow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Admins see who follows a project (the profile's {@code followable} decides whether clients may). Followers stay
 * listed while the profile no longer allows following: they see the project's tickets again once it does.
 */
@Path("/api/admin/portal-profiles/{projectKey}/followers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class FollowerResource {

    private final ProjectFollowing following;

    FollowerResource(ProjectFollowing following) {
        this.following = following;
    }

    @GET
    public List<ProjectFollowing.Follower> followers(
            @PathParam("projectKey") @Pattern(regexp = "[A-Za-z][A-Za-z0-9]{1,9}", message = "a project key, like SUP")
            String projectKey) {
        return following.followersOf(projectKey);
    }
}
