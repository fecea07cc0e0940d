package dev.relaydesk.portal.agent;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.relaydesk.web.ConflictException;
import dev.relaydesk.web.InvalidFieldException;
import dev.relaydesk.web.Problems;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Bad input to the agent and admin API leaves as problem+json naming the field at fault. */
public class ApiProblemMappers {

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
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

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        return Problems.of(e);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return Problems.of(e);
    }
}
