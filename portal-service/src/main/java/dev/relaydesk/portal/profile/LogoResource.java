package dev.relaydesk.portal.profile;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/** Serves a project's logo to every portal page (public: the logo is on pages clients open without login). */
@Path("/brand/{projectKey}/logo")
public class LogoResource {

    public static String path(String projectKey) {
        return "/brand/" + projectKey.toUpperCase(Locale.ROOT) + "/logo";
    }

    @GET
    @Transactional
    public Response logo(@PathParam("projectKey") String projectKey) {
        if (!projectKey.matches("[A-Za-z][A-Za-z0-9]{1,9}")) {
            return Response.status(404).build();
        }
        return PortalProfile.of(projectKey).filter(PortalProfile::hasLogo)
                .map(profile -> Response.ok(profile.logo, profile.logoType)
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Cache-Control", "public, max-age=300")
                        .build())
                .orElseGet(() -> Response.status(404).build());
    }
}
