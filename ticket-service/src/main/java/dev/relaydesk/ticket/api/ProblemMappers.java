package dev.relaydesk.ticket.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves the API as problem+json, without internal class names. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        String title = reason != null ? reason.getReasonPhrase() : "Error";
        return new Problem("about:blank", title, status, e.getMessage(), null).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unhandled error", e);
        return new Problem("about:blank", "Internal Server Error", 500, "The request could not be completed.", null)
                .toResponse();
    }
}
