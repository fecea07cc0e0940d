package dev.relaydesk.mailingest.quarantine;

import dev.relaydesk.mailingest.inbound.InboundMessage;
import dev.relaydesk.mailingest.inbound.InboundMessage.Status;
import dev.relaydesk.mailingest.inbound.MailAcceptance;
import dev.relaydesk.mailingest.inbound.MailAcceptance.Outcome;
import dev.relaydesk.web.Problem;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Messages that could not be parsed: admins look at them and replay them once the parser is fixed. */
@Path("/api/admin/quarantine")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class QuarantineResource {

    private final MailAcceptance acceptance;

    QuarantineResource(MailAcceptance acceptance) {
        this.acceptance = acceptance;
    }

    public record QuarantinedMessage(UUID id, String reason, Instant receivedAt, String channel, String envelopeFrom,
            String sender, String subject, int size) {
    }

    public record QuarantinePage(List<QuarantinedMessage> items, int page, int size, long total) {
    }

    public record ReplayOutcome(UUID id, Status status, String reason) {
    }

    /** Newest first. */
    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public QuarantinePage list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var query = InboundMessage.<InboundMessage>find("status", Sort.descending("receivedAt").and("id"),
                Status.QUARANTINED);
        List<QuarantinedMessage> items = query.page(Page.of(page, size)).list().stream()
                .map(QuarantineResource::summary)
                .toList();
        return new QuarantinePage(items, page, size, query.count());
    }

    /** The message exactly as it arrived, to save as .eml and inspect. */
    @GET
    @Path("/{id}/raw")
    @Produces("message/rfc822")
    @Transactional(Transactional.TxType.SUPPORTS)
    public Response raw(@PathParam("id") UUID id) {
        InboundMessage message = InboundMessage.findById(id);
        if (message == null) {
            return notFound(id);
        }
        return Response.ok(message.raw, "message/rfc822")
                .header("Content-Disposition", "attachment; filename=\"" + id + ".eml\"")
                .build();
    }

    /** Parses the message again; answers what became of it. Replaying a message already out of quarantine changes nothing. */
    @POST
    @Path("/{id}/replay")
    public Response replay(@PathParam("id") UUID id) {
        return acceptance.replay(id)
                .map(outcome -> Response.ok(replayOutcome(outcome)).build())
                .orElseGet(() -> notFound(id));
    }

    private static ReplayOutcome replayOutcome(Outcome outcome) {
        return new ReplayOutcome(outcome.messageId(), outcome.status(), outcome.reason());
    }

    private static QuarantinedMessage summary(InboundMessage message) {
        HeaderGlimpse headers = HeaderGlimpse.of(message.raw);
        return new QuarantinedMessage(message.id, message.reason, message.receivedAt, message.channel,
                message.envelopeFrom, headers.from(), headers.subject(), message.raw.length);
    }

    private static Response notFound(UUID id) {
        return Problem.of(Response.Status.NOT_FOUND, "No inbound message " + id + ".").toResponse();
    }
}
