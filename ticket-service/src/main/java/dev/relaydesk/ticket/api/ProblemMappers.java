package dev.relaydesk.ticket.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.relaydesk.ticket.ticket.StaleTicketException;
import dev.relaydesk.ticket.ui.AgentPages;
import dev.relaydesk.web.ConflictException;
import dev.relaydesk.web.InvalidFieldException;
import dev.relaydesk.web.Problem;
import dev.relaydesk.ticket.screening.TicketRejectedException;
import dev.relaydesk.web.Problems;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the API as problem+json, naming the field at fault and never an internal class; on the
 * agent pages (/ui) as a readable page.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (AgentPages.isUiPath(uri.getPath())) {
            int status = e.getResponse().getStatus();
            return AgentPages.errorPage(status, Problems.title(status),
                    status == 404 ? "There is no such page, or you may not see it." : e.getMessage());
        }
        return Problems.of(e);
    }

    @ServerExceptionMapper
    public Response expiredForm(AgentPages.FormExpiredException e) {
        return AgentPages.errorPage(403, "Form expired", e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return Problems.of(e);
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        return Problems.of(e);
    }

    /** The screening provider refused the ticket: its message is for the client, so it is the detail. */
    @ServerExceptionMapper
    public Response rejected(TicketRejectedException e) {
        return new Problem("about:blank", "Ticket rejected", 422, e.getMessage(), null).toResponse();
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
        return Problems.unexpected();
    }
}
