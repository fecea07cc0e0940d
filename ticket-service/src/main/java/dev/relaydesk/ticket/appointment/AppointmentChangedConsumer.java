package dev.relaydesk.ticket.appointment;

import dev.relaydesk.events.AppointmentChanged;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.messaging.inbox.IdempotentConsumer;
import dev.relaydesk.ticket.history.HistoryEntry;
import dev.relaydesk.ticket.ticket.Ticket;
import dev.relaydesk.ticket.ticket.TicketService;
import dev.relaydesk.ticket.ticket.TicketService.NewNote;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * A client booked, moved or cancelled a call on the portal: the ticket's agents find it as a private note (the ticket
 * turns unread) and a history line, once per event, with the time as the client chose it (the project's zone).
 */
@ApplicationScoped
public class AppointmentChangedConsumer {

    private static final Logger LOG = Logger.getLogger(AppointmentChangedConsumer.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final IdempotentConsumer idempotent;
    private final TicketService tickets;

    AppointmentChangedConsumer(IdempotentConsumer idempotent, TicketService tickets) {
        this.idempotent = idempotent;
        this.tickets = tickets;
    }

    @Incoming("appointment-changed-in")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return idempotent.handle(message, AppointmentChanged.class, "ticket-service.appointments", this::apply);
    }

    private void apply(AppointmentChanged change) {
        Optional<Ticket> ticket = Ticket.findByIdOptional(change.ticketId());
        if (ticket.isEmpty()) {
            LOG.warnf("Appointment %s names ticket %s, which does not exist here; ignored", change.appointmentId(),
                    change.ticketId());
            return;
        }
        ZoneId zone = zoneOf(change.timeZone());
        String when = span(change.startsAt(), change.endsAt(), zone);
        String body = switch (change.change()) {
            case BOOKED -> "The client booked a call: " + when + ".";
            case MOVED -> "The client moved their call to " + when
                    + (change.previousStartsAt() == null ? "" : " (it was " + start(change.previousStartsAt(), zone) + ")")
                    + ".";
            case CANCELLED -> "The client cancelled their call of " + when + ".";
        };
        tickets.addNote(ticket.get(), new NewNote(NoteAuthor.SYSTEM, "Appointments", null, body, false, false, null));
        HistoryEntry.record(change.ticketId(), change.clientEmail(), switch (change.change()) {
            case BOOKED -> "call booked";
            case MOVED -> "call moved";
            case CANCELLED -> "call cancelled";
        }, when, change.changedAt() == null ? Instant.now() : change.changedAt());
        ticket.get().unreadByAgent = true;
    }

    /** "Monday 7 December 2026, 09:00–09:30 (Europe/Berlin)". */
    static String span(Instant start, Instant end, ZoneId zone) {
        return DAY.format(start.atZone(zone)) + (end == null ? "" : "–" + TIME.format(end.atZone(zone)))
                + " (" + zone.getId() + ")";
    }

    private static String start(Instant start, ZoneId zone) {
        ZonedDateTime at = start.atZone(zone);
        return DAY.format(at);
    }

    private static ZoneId zoneOf(String timeZone) {
        try {
            return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
