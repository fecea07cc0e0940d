package dev.relaydesk.identity.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.relaydesk.identity.client.RegistrationVetoedException;
import dev.relaydesk.web.ConflictException;
import dev.relaydesk.web.InvalidFieldException;
import dev.relaydesk.web.Problem;
import dev.relaydesk.web.Problems;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of the API leaves as problem+json, naming the field at fault. */
public class ProblemMappers {

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
    public Response unreadableJson(MismatchedInputException e) {
        return Problems.of(e);
    }

    @ServerExceptionMapper
    public Response unparseableJson(JsonParseException e) {
        return Problems.unparseableJson();
    }

    /** The registration provider's veto: its message is the detail the portal shows the client. */
    @ServerExceptionMapper
    public Response vetoed(RegistrationVetoedException e) {
        return new Problem("about:blank", "Registration refused", 422, e.getMessage(), null).toResponse();
    }
}
