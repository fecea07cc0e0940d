package dev.relaydesk.ticket.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.relaydesk.ticket.admin.ConflictException;
import dev.relaydesk.ticket.ticket.StaleTicketException;
import dev.relaydesk.ticket.ui.AgentPages;
import jakarta.ws.rs.core.UriInfo;
import dev.relaydesk.web.Problem;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves the API as problem+json, naming the field at fault and never an internal class. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        String title = reason != null ? reason.getReasonPhrase() : "Error";
        if (AgentPages.isUiPath(uri.getPath())) {
            return AgentPages.errorPage(status, title, status == 404
                    ? "There is no such page, or you may not see it." : e.getMessage());
        }
        return new Problem("about:blank", title, status, e.getMessage(), null).toResponse();
    }

    @ServerExceptionMapper
    public Response expiredForm(AgentPages.FormExpiredException e) {
        return AgentPages.errorPage(403, "Form expired", e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(field(violation), violation.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
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

    /** A body that is not the JSON the endpoint takes (a wrong type, an unknown enum value). */
    @ServerExceptionMapper
    public Response unreadableJson(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(java.util.stream.Collectors.joining("."));
        String detail = field.isEmpty() ? "The request body is not valid JSON for this endpoint."
                : "The value of " + field + " is not valid here.";
        return new Problem("about:blank", "Bad Request", 400, detail,
                field.isEmpty() ? null : List.of(new Problem.FieldError(field, detail))).toResponse();
    }

    @ServerExceptionMapper
    public Response unparseableJson(JsonParseException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "The request body is not valid JSON.").toResponse();
    }

    @ServerExceptionMapper
    public Response stale(StaleTicketException e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
    }

    /** Two writers committed at once: the loser is told to reload, nothing is overwritten. */
    @ServerExceptionMapper
    public Response concurrentWrite(OptimisticLockException e) {
        return Problem.of(Response.Status.CONFLICT,
                "The ticket was changed by someone else at the same time. Reload it and try again.").toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unhandled error", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "The request could not be completed.").toResponse();
    }

    /** "recent.limit" becomes "limit": the parameter as the caller knows it. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
