package dev.relaydesk.mailingest.http;

import dev.relaydesk.mailingest.inbound.InboundMessage.Status;
import dev.relaydesk.mailingest.inbound.MailAcceptance;
import dev.relaydesk.mailingest.inbound.MailAcceptance.Envelope;
import dev.relaydesk.mailingest.inbound.MailAcceptance.Outcome;
import dev.relaydesk.web.Problem;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * Raw RFC 822 over HTTP, for providers' inbound webhooks and {@code curl --data-binary @mail.eml}. Answers
 * 202 only once the message is committed (the same acceptance as SMTP: stored once, classified, published).
 */
@Path("/api/inbound/mail")
public class InboundMailResource {

    private static final Logger LOG = Logger.getLogger(InboundMailResource.class);

    private final MailAcceptance acceptance;
    private final InboundHttpConfig config;

    InboundMailResource(MailAcceptance acceptance, InboundHttpConfig config) {
        this.acceptance = acceptance;
        this.config = config;
    }

    void warnWhenUnset(@Observes StartupEvent startup) {
        if (config.httpSecret().filter(secret -> !secret.isBlank()).isEmpty()) {
            LOG.warn("relaydesk.inbound.http-secret is not set: the HTTP mail intake refuses every request");
        }
    }

    /** What became of the message; {@code id} is the stored message, the first one when it was a duplicate. */
    public record Accepted(UUID id, Status status, String reason) {
    }

    @POST
    @Consumes({"message/rfc822", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store one raw inbound message",
            description = "Body: the message exactly as received. Optional query parameters `from` (envelope sender) "
                    + "and `to` (envelope recipients, repeatable) stand in for the SMTP envelope.")
    public Response receive(byte[] raw, @QueryParam("from") String envelopeFrom, @QueryParam("to") List<String> to,
            @HeaderParam("Content-Length") Long contentLength) {
        if ((contentLength != null && contentLength > config.httpMaxMessageSize())
                || (raw != null && raw.length > config.httpMaxMessageSize())) {
            return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "The message exceeds " + config.httpMaxMessageSize() + " bytes.").toResponse();
        }
        if (raw == null || new String(raw, StandardCharsets.ISO_8859_1).isBlank()) {
            return Problem.of(Response.Status.BAD_REQUEST, "The body must be a raw RFC 822 message; it was empty.")
                    .toResponse();
        }
        Outcome outcome = acceptance.accept(raw, new Envelope(envelopeFrom, to == null ? List.of() : List.copyOf(to), "http"));
        return Response.accepted(new Accepted(outcome.messageId(), outcome.status(), outcome.reason())).build();
    }
}
