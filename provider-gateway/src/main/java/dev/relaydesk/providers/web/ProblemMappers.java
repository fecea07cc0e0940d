package dev.relaydesk.providers.web;

import dev.relaydesk.web.ConflictException;
import dev.relaydesk.web.InvalidFieldException;
import dev.relaydesk.web.Problems;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves the API as problem+json naming the field at fault, never an internal class or a secret. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        return Problems.of(e);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return Problems.of(e);
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        return Problems.of(e);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return Problems.of(e);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.errorf("Unhandled error: %s", e.getClass().getName()); // no message: it might quote a request value
        LOG.debug("Unhandled error", e);
        return Problems.unexpected();
    }
}
