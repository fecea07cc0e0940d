package dev.relaydesk.identity.directory;

import dev.relaydesk.identity.directory.ClientDirectory.Filter;
import dev.relaydesk.identity.directory.ClientDirectory.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

/**
 * The admin-only list of clients (external users): address, name, organization, whether they registered, how
 * many tickets they have and how many are open. The next page's address is in the {@code Link} header.
 */
@Path("/api/admin/clients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class ClientDirectoryResource {

    private final ClientDirectory directory;

    ClientDirectoryResource(ClientDirectory directory) {
        this.directory = directory;
    }

    /**
     * @param q          part of the address, name or organization
     * @param registered true: registered clients only; false: clients without an account only
     * @param after      the last address of the previous page
     */
    @GET
    @Transactional
    public Response list(@QueryParam("q") @Size(max = 200) String q, @QueryParam("registered") Boolean registered,
            @QueryParam("after") @Size(max = 320) String after,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit, @Context UriInfo uri) {
        String text = q == null || q.isBlank() ? null : q.strip();
        Page page = directory.page(new Filter(text, registered, after, limit));
        Response.ResponseBuilder response = Response.ok(page.clients());
        if (page.next() != null) {
            response.link(uri.getRequestUriBuilder().replaceQueryParam("after", page.next()).build(), "next");
        }
        return response.build();
    }
}
