package dev.relaydesk.portal.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.UUID;

/** For the ticket page ({@code inject:bookingOffer}): whether its "Book a call" shows, and the call booked. */
@Named("bookingOffer")
@ApplicationScoped
public class BookingOffer {

    public boolean offeredIn(String projectKey) {
        return BookingSettings.enabledFor(projectKey).isPresent();
    }

    /** The ticket's live call as clients read it, or null. */
    public String callOf(UUID ticketId, String projectKey) {
        return Appointment.liveOf(ticketId).map(call -> CallTimes.span(call.startsAt, call.endsAt,
                BookingSettings.of(projectKey).map(BookingSettings::zone).orElse(java.time.ZoneOffset.UTC)))
                .orElse(null);
    }
}
