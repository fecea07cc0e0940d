package dev.relaydesk.portal.internal;

import dev.relaydesk.portal.booking.BookingSettings;
import dev.relaydesk.portal.link.AccessLinks;
import dev.relaydesk.portal.ticket.PortalTicket;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Mints client links for the services that write to clients (notification-service). */
@Path("/internal/tickets/{ticketId}/links")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LinkResource {

    public record LinkRequest(@NotBlank @Email String clientEmail) {
    }

    /** @param bookingUrl where the client books a call about the ticket; null unless its project takes bookings */
    public record LinkResponse(String url, String bookingUrl) {
    }

    private final AccessLinks links;
    private final String publicUrl;

    LinkResource(AccessLinks links, @ConfigProperty(name = "relaydesk.portal.public-url") String publicUrl) {
        this.links = links;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @POST
    @ResponseStatus(201)
    public LinkResponse mint(@PathParam("ticketId") UUID ticketId, @Valid LinkRequest request) {
        String token = links.mint(ticketId, request.clientEmail());
        String url = publicUrl + "/t/" + token;
        PortalTicket ticket = PortalTicket.findById(ticketId);
        boolean booking = ticket != null && BookingSettings.enabledFor(ticket.projectKey).isPresent();
        return new LinkResponse(url, booking ? url + "/book" : null);
    }
}
