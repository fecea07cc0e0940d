package dev.relaydesk.providers.web;

import dev.relaydesk.web.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves the API as problem+json naming the field at fault, never an internal class or a secret. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        return new Problem("about:blank", reason != null ? reason.getReasonPhrase() : "Error", status, e.getMessage(), null)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return new Problem("about:blank", "Bad Request", 400, "The request has invalid values.", errors).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        return new Problem("about:blank", "Bad Request", 400, e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.getMessage()))).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.errorf("Unhandled error: %s", e.getClass().getName()); // no message: it might quote a request value
        LOG.debug("Unhandled error", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "The request could not be completed.").toResponse();
    }

    /** "create.request.url" becomes "url": the field as the caller knows it. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
