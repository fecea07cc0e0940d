package dev.relaydesk.portal.page;

import dev.relaydesk.events.TicketStatus;
import dev.relaydesk.portal.action.FormTokens;
import dev.relaydesk.portal.booking.Appointment;
import dev.relaydesk.portal.booking.Appointments;
import dev.relaydesk.portal.booking.Appointments.Booked;
import dev.relaydesk.portal.booking.Appointments.Full;
import dev.relaydesk.portal.booking.Appointments.NotOffered;
import dev.relaydesk.portal.booking.Appointments.Outcome;
import dev.relaydesk.portal.booking.BookingSettings;
import dev.relaydesk.portal.booking.CallTimes;
import dev.relaydesk.portal.booking.Slot;
import dev.relaydesk.portal.booking.Slots;
import dev.relaydesk.portal.link.AccessLink;
import dev.relaydesk.portal.link.AccessLinks;
import dev.relaydesk.portal.link.LinkAccess;
import dev.relaydesk.portal.profile.Branding;
import dev.relaydesk.portal.ticket.PortalTicket;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * "Book a call" below a ticket's link: the free slots of the project (in its time zone), booking one, moving or
 * cancelling the ticket's call. Plain forms, no script; the same form token and write gate as the ticket page's forms.
 */
@Path("/t/{token}/book")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class BookingPage {

    /** A page of buttons stays usable on a phone: a long horizon shows its first slots, the rest come as they near. */
    static final int MAX_SLOTS_SHOWN = 240;
    private static final Map<String, String> FLASHES = Map.of(
            "booked", "Your call is booked. We emailed you a confirmation.",
            "moved", "Your call was moved. We emailed you a confirmation.",
            "cancelled", "Your call was cancelled.");

    /** One day's free slots. */
    public record Day(String label, List<Slot> slots) {
    }

    /**
     * @param call      the ticket's booked call as the client reads it, or null
     * @param callValue the booked call's slot value, to mark it among the slots
     */
    public record BookingView(PortalTicket ticket, String base, String ticketPage, String csrf, String timeZone,
            int slotMinutes, String call, String callValue, List<Day> days, String flash, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance book(BookingView view);

        static native TemplateInstance unavailable(String ticketPage, String reason);
    }

    private final AccessLinks links;
    private final FormTokens formTokens;
    private final Appointments appointments;
    private final Slots slots;

    @Inject
    Branding branding;
    @Inject
    WriteGate writeGate;
    @Inject
    PostedForms postedForms;

    BookingPage(AccessLinks links, FormTokens formTokens, Appointments appointments, Slots slots) {
        this.links = links;
        this.formTokens = formTokens;
        this.appointments = appointments;
        this.slots = slots;
    }

    @GET
    public Response show(@PathParam("token") String token, @QueryParam("sent") String sent) {
        Optional<AccessLink> link = links.resolve(token);
        if (link.isEmpty()) {
            return TicketPage.notFound();
        }
        PortalTicket ticket = PortalTicket.findById(link.get().ticketId);
        if (ticket == null || !ticket.isReady()) {
            return TicketPage.backToThePage(token);
        }
        Optional<Response> refusal = unavailable(ticket, token);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        links.recordAccess(link.get(), LinkAccess.Action.VIEW);
        return page(200, link.get(), ticket, token, sent == null ? null : FLASHES.get(sent), null);
    }

    /** Books the chosen slot, or moves the ticket's call there. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response book(@PathParam("token") String token, @RestForm String slot, @RestForm String csrf) {
        return write(token, csrf, (link, ticket) -> {
            Instant startsAt;
            try {
                startsAt = Instant.parse(slot == null ? "" : slot.strip());
            } catch (DateTimeParseException e) {
                return page(400, link, ticket, token, null, "Choose one of the times below.");
            }
            Outcome outcome = appointments.book(ticket.ticketId, startsAt);
            if (outcome instanceof Booked booked) {
                links.recordAccess(link, LinkAccess.Action.BOOK);
                return Response.seeOther(URI.create("/t/" + token + "/book?sent="
                        + (booked.moved() ? "moved" : "booked"))).build();
            }
            if (outcome instanceof Full) {
                return page(409, link, ticket, token, null, "Sorry, that time was just taken by someone else."
                        + " Please choose another time below.");
            }
            if (outcome instanceof NotOffered) {
                return page(400, link, ticket, token, null, "That time is not offered (any more). Please choose one of"
                        + " the times below.");
            }
            return unavailable(ticket, token).orElseGet(() -> page(409, link, ticket, token, null,
                    "Calls cannot be booked right now."));
        });
    }

    @POST
    @Path("/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("token") String token, @RestForm String csrf) {
        return write(token, csrf, (link, ticket) -> {
            if (appointments.cancel(ticket.ticketId).isPresent()) {
                links.recordAccess(link, LinkAccess.Action.CANCEL_BOOKING);
            }
            return Response.seeOther(URI.create("/t/" + token + "/book?sent=cancelled")).build();
        });
    }

    private interface Write {
        Response apply(AccessLink link, PortalTicket ticket);
    }

    /** The checks every post of this page passes first: the posted form's (PostedForms), the booking, the write gate. */
    private Response write(String token, String csrf, Write write) {
        PostedForms.PostedForm form = postedForms.check(token, csrf, true);
        if (form.answered()) {
            return form.answer();
        }
        AccessLink link = form.link();
        PortalTicket ticket = form.ticket();
        Optional<Response> refusal = unavailable(ticket, token);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (writeGate.refuses(link, ticket)) {
            links.recordAccess(link, LinkAccess.Action.WRITE_REFUSED);
            return page(403, link, ticket, token, null, "Not booked yet: this browser needs the code from your"
                    + " email first. Confirm it on your ticket's page, then come back here.");
        }
        return write.apply(link, ticket);
    }

    /** The project takes no bookings, or the ticket is closed: a page that says so. */
    private Optional<Response> unavailable(PortalTicket ticket, String token) {
        String ticketPage = "/t/" + token;
        if (BookingSettings.enabledFor(ticket.projectKey).isEmpty()) {
            branding.use(ticket.projectKey);
            return Optional.of(Response.status(Response.Status.NOT_FOUND).entity(Templates.unavailable(ticketPage,
                    "Calls about this ticket cannot be booked online. Please write to us on your ticket instead."))
                    .build());
        }
        if (ticket.status != TicketStatus.OPEN) {
            branding.use(ticket.projectKey);
            return Optional.of(Response.status(Response.Status.CONFLICT).entity(Templates.unavailable(ticketPage,
                    "This ticket is closed. Reopen it on its page if you still need a call.")).build());
        }
        return Optional.empty();
    }

    private Response page(int status, AccessLink link, PortalTicket ticket, String token, String flash, String error) {
        branding.use(ticket.projectKey);
        writeGate.prepare(link, ticket);
        BookingSettings settings = BookingSettings.enabledFor(ticket.projectKey).orElseThrow();
        Optional<Appointment> call = appointments.liveOf(ticket.ticketId);
        Map<String, List<Slot>> byDay = new LinkedHashMap<>();
        slots.all(settings).stream()
                .filter(slot -> slot.free() > 0 || call.filter(c -> c.startsAt.equals(slot.startsAt())).isPresent())
                .limit(MAX_SLOTS_SHOWN)
                .forEach(slot -> byDay.computeIfAbsent(slot.day(), day -> new ArrayList<>()).add(slot));
        List<Day> days = byDay.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
        BookingView view = new BookingView(ticket, "/t/" + token + "/book", "/t/" + token, formTokens.issue(link.id),
                settings.timeZone, settings.slotMinutes,
                call.map(c -> CallTimes.span(c.startsAt, c.endsAt, settings.zone())).orElse(null),
                call.map(c -> c.startsAt.toString()).orElse(null), days, flash, error);
        return Response.status(status).entity(Templates.book(view)).build();
    }

}
