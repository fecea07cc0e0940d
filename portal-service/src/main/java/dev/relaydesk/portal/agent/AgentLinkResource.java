package dev.relaydesk.portal.agent;

import dev.relaydesk.portal.feedback.Feedback;
import dev.relaydesk.portal.feedback.FeedbackService;
import dev.relaydesk.portal.link.AccessLink;
import dev.relaydesk.portal.link.AccessLinks;
import dev.relaydesk.portal.link.LinkAccess;
import dev.relaydesk.portal.link.LinkPolicies;
import dev.relaydesk.web.Problem;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * What agents see and do of a ticket's client side: its links with their access log, revoking them, and the
 * client's feedback. Only tickets ticket-service shows the agent are answered.
 */
@Path("/api/tickets/{ticketId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "admin"})
@Blocking
public class AgentLinkResource {

    public enum LinkState { ACTIVE, REVOKED, EXPIRED }

    public record AccessView(Instant at, LinkAccess.Action action, String clientNetwork) {
    }

    public record LinkView(UUID id, String clientEmail, LinkState state, Instant createdAt, Instant expiresAt,
            Instant revokedAt, List<AccessView> accesses) {
    }

    public record Revoked(int revoked) {
    }

    public record FeedbackView(UUID ticketId, int rating, String comment, String clientEmail, Instant createdAt) {
    }

    private final AccessLinks links;
    private final LinkPolicies policies;
    private final FeedbackService feedbacks;
    private final AgentTickets tickets;

    AgentLinkResource(AccessLinks links, LinkPolicies policies, FeedbackService feedbacks,
            @RestClient AgentTickets tickets) {
        this.links = links;
        this.policies = policies;
        this.feedbacks = feedbacks;
        this.tickets = tickets;
    }

    @GET
    @Path("/links")
    public List<LinkView> links(@PathParam("ticketId") UUID ticketId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        requireVisible(ticketId, authorization);
        Map<UUID, List<AccessView>> accesses = LinkAccess.ofTicket(ticketId).stream().collect(Collectors.groupingBy(
                access -> access.linkId, Collectors.mapping(a -> new AccessView(a.at, a.action, a.clientNetwork),
                        Collectors.toList())));
        Instant now = Instant.now();
        return links.ofTicket(ticketId).stream().map(link -> view(link, now, accesses.getOrDefault(link.id, List.of())))
                .toList();
    }

    /** Every live link of the ticket stops working at once; the client's next mail brings a new one. */
    @POST
    @Path("/links/revoke")
    public Revoked revoke(@PathParam("ticketId") UUID ticketId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        requireVisible(ticketId, authorization);
        return new Revoked(links.revokeAll(ticketId));
    }

    @GET
    @Path("/feedback")
    public FeedbackView feedback(@PathParam("ticketId") UUID ticketId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        requireVisible(ticketId, authorization);
        Feedback feedback = feedbacks.of(ticketId).orElseThrow(() -> new WebApplicationException(
                Problem.of(Response.Status.NOT_FOUND, "The client has not given feedback on this ticket.").toResponse()));
        return new FeedbackView(feedback.ticketId, feedback.rating, feedback.comment, feedback.clientEmail,
                feedback.createdAt);
    }

    private LinkView view(AccessLink link, Instant now, List<AccessView> accesses) {
        Instant expiresAt = policies.expiresAt(link);
        LinkState state = link.revokedAt != null ? LinkState.REVOKED
                : expiresAt.isAfter(now) ? LinkState.ACTIVE : LinkState.EXPIRED;
        return new LinkView(link.id, link.clientEmail, state, link.createdAt, expiresAt, link.revokedAt, accesses);
    }

    private void requireVisible(UUID ticketId, String authorization) {
        try {
            tickets.ticket(ticketId, authorization);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404 || status == 403) {
                throw new WebApplicationException(Problem.of(Response.Status.NOT_FOUND, "No ticket " + ticketId).toResponse());
            }
            throw unavailable();
        } catch (RuntimeException e) {
            throw unavailable();
        }
    }

    private static WebApplicationException unavailable() {
        return new WebApplicationException(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                "ticket-service cannot confirm the ticket right now; try again shortly.").toResponse());
    }
}
