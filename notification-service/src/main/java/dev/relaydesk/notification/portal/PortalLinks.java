package dev.relaydesk.notification.portal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * portal-service's link minting. No fallback: a mail that promises a link waits (its delivery is retried)
 * rather than go out without one.
 */
@RegisterRestClient(configKey = "portal")
@Path("/internal/tickets/{ticketId}/links")
@ClientHeaderParam(name = "X-Relaydesk-Internal-Key", value = "${relaydesk.internal.api-key}")
public interface PortalLinks {

    record LinkRequest(String clientEmail) {
    }

    /** @param bookingUrl the ticket's "Book a call" page; null where its project takes no bookings */
    record LinkResponse(String url, String bookingUrl) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    LinkResponse mint(@PathParam("ticketId") UUID ticketId, LinkRequest request);
}
