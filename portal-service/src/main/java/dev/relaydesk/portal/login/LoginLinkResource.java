package dev.relaydesk.portal.login;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;

/**
 * The portal's "log in" links: {@code /login?then=/my/tickets}. Outside /my, so following one never starts
 * Keycloak's login by itself; it redirects to the company's login page or to the page (and from there to Keycloak).
 */
@Path("/login")
public class LoginLinkResource {

    static final String DEFAULT_PAGE = "/my/tickets";
    /** /my or a page under it, with an optional query, in characters a URL carries as they are. */
    private static final Pattern PORTAL_PAGE = Pattern.compile("/my(/[A-Za-z0-9._~-]+)*/?(\\?[A-Za-z0-9._~%=&-]*)?");

    private final LoginDestination destination;

    LoginLinkResource(LoginDestination destination) {
        this.destination = destination;
    }

    @GET
    public Response login(@QueryParam("then") String then) {
        return Response.seeOther(destination.forClient(portalPage(then))).build();
    }

    /** Only the portal's own logged-in pages: anything else (another site, //host, a scheme) is the ticket list. */
    static String portalPage(String then) {
        return then != null && then.length() <= 500 && PORTAL_PAGE.matcher(then).matches() && !then.contains("..")
                ? then : DEFAULT_PAGE;
    }
}
