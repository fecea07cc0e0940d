package dev.relaydesk.web;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The problem+json answers every service gives for the same errors. Each service's exception mappers call
 * these (a service with pages of its own, such as the portal, keeps its own error handling).
 */
public final class Problems {

    private Problems() {
    }

    public static Response of(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return new Problem("about:blank", title(status), status, e.getMessage(), null).toResponse();
    }

    /** The status's reason phrase ("Not Found"), the title of its problem or error page. */
    public static String title(int status) {
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        return reason != null ? reason.getReasonPhrase() : "Error";
    }

    public static Response of(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return new Problem("about:blank", "Bad Request", 400, "The request has invalid values.", errors).toResponse();
    }

    public static Response of(InvalidFieldException e) {
        return new Problem("about:blank", "Bad Request", 400, e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.getMessage()))).toResponse();
    }

    public static Response of(ConflictException e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
    }

    /** A JSON body of the wrong shape (a string where a number goes, an unknown enum value). */
    public static Response of(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
        String detail = field.isEmpty() ? "The request body is not valid JSON for this endpoint."
                : "The value of " + field + " is not valid here.";
        return new Problem("about:blank", "Bad Request", 400, detail,
                field.isEmpty() ? null : List.of(new Problem.FieldError(field, detail))).toResponse();
    }

    public static Response unparseableJson() {
        return Problem.of(Response.Status.BAD_REQUEST, "The request body is not valid JSON.").toResponse();
    }

    /** Says nothing of the cause: its message might quote a request value or an internal detail. */
    public static Response unexpected() {
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "The request could not be completed.").toResponse();
    }

    /**
     * "create.request.url" becomes "url", and "put.edit.types[1].&lt;list element&gt;" becomes "types[1]" (a list
     * element's own node names no field): the field or parameter as the caller knows it.
     */
    static String field(ConstraintViolation<?> violation) {
        return field(violation.getPropertyPath().toString());
    }

    static String field(String path) {
        int element = path.lastIndexOf(".<");
        String named = element > 0 ? path.substring(0, element) : path;
        return named.substring(named.lastIndexOf('.') + 1);
    }
}
