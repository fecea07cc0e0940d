package dev.relaydesk.notification.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.relaydesk.notification.template.TemplateSyntaxException;
import dev.relaydesk.web.Problem;
import dev.relaydesk.web.Problems;
import dev.relaydesk.web.InvalidFieldException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of the admin API leaves as problem+json, naming the field (or template part and line) at fault. */
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
    public Response template(TemplateSyntaxException e) {
        return new Problem("about:blank", "Bad Request", 400, e.getMessage(),
                List.of(new Problem.FieldError(e.part(), "line " + e.line() + ": " + e.getMessage()))).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(MismatchedInputException e) {
        return Problems.of(e);
    }

    @ServerExceptionMapper
    public Response unparseableJson(JsonParseException e) {
        return Problems.unparseableJson();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unhandled error", e);
        return Problems.unexpected();
    }
}
