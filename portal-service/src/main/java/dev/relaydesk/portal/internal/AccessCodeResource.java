package dev.relaydesk.portal.internal;

import dev.relaydesk.portal.link.WriteCodes;
import dev.relaydesk.web.Problem;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * The one-time code of a request, for notification-service to mail ({@code AccessCodeRequested} asked it for the
 * mail, without the code): {"code", "expiresAt"}. 410 when the request was replaced, has expired or is locked: its
 * mail is not worth sending.
 */
@Path("/internal/access-codes/{requestId}")
@Produces(MediaType.APPLICATION_JSON)
public class AccessCodeResource {

    private final WriteCodes codes;

    AccessCodeResource(WriteCodes codes) {
        this.codes = codes;
    }

    @POST
    public Response issue(@PathParam("requestId") UUID requestId) {
        return codes.issue(requestId).map(code -> Response.ok(code).build())
                .orElseGet(() -> Problem.of(Response.Status.GONE,
                        "This code request was replaced, has expired or is locked.").toResponse());
    }
}
