package dev.relaydesk.portal.booking;

import dev.relaydesk.events.AppointmentChanged;
import dev.relaydesk.events.AppointmentChanged.Change;
import dev.relaydesk.messaging.outbox.Outbox;
import dev.relaydesk.portal.ticket.PortalTicket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Booking, moving and cancelling a ticket's call, each told to the other services ({@link AppointmentChanged}, through
 * the outbox, in the same transaction). A booking takes a free seat of its slot: the database refuses a seat taken
 * twice, so a slot never holds more calls than the project's capacity, however many clients race for it.
 */
@ApplicationScoped
@Transactional
public class Appointments {

    /** What became of a booking. */
    public sealed interface Outcome permits Booked, Full, NotOffered, Closed {
    }

    public record Booked(Appointment appointment, boolean moved) implements Outcome {
    }

    /** Every place of the slot is taken (the ticket keeps the call it had, if any). */
    public record Full() implements Outcome {
    }

    /** The project offers no such slot (any more): it started, left the horizon, or never was one. */
    public record NotOffered() implements Outcome {
    }

    /** The project no longer takes bookings. */
    public record Closed() implements Outcome {
    }

    private final Slots slots;
    private final Outbox outbox;

    Appointments(Slots slots, Outbox outbox) {
        this.slots = slots;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Appointment> liveOf(UUID ticketId) {
        return Appointment.liveOf(ticketId);
    }

    /** Books the slot for the ticket's client, or moves the ticket's call there. */
    public Outcome book(UUID ticketId, Instant startsAt) {
        // one booking at a time per ticket: a double click cannot book two calls
        PortalTicket ticket = PortalTicket.findById(ticketId, LockModeType.PESSIMISTIC_WRITE);
        Optional<BookingSettings> settings = BookingSettings.enabledFor(ticket.projectKey);
        if (settings.isEmpty()) {
            return new Closed();
        }
        Optional<Slot> slot = slots.at(settings.get(), startsAt);
        if (slot.isEmpty()) {
            return new NotOffered();
        }
        Optional<Appointment> before = Appointment.liveOf(ticketId);
        if (before.isPresent() && before.get().startsAt.equals(startsAt)) {
            return new Booked(before.get(), false);
        }
        Instant now = slots.now();
        before.ifPresent(old -> old.cancelledAt = now);
        Appointment.flush();
        UUID id = UUID.randomUUID();
        for (int seat = 1; seat <= settings.get().capacity; seat++) {
            if (takeSeat(id, ticket, startsAt, slot.get().end().toInstant(), seat, now)) {
                Appointment booked = Appointment.findById(id);
                Change change = before.isPresent() ? Change.MOVED : Change.BOOKED;
                outbox.publish(event(ticket, booked, change, settings.get(),
                        before.map(old -> old.startsAt).orElse(null), now));
                return new Booked(booked, before.isPresent());
            }
        }
        // a move whose new slot filled up keeps the old call: nothing of this transaction stays
        QuarkusTransaction.setRollbackOnly();
        return new Full();
    }

    /** Cancels the ticket's call; empty when it had none. */
    public Optional<Appointment> cancel(UUID ticketId) {
        PortalTicket ticket = PortalTicket.findById(ticketId, LockModeType.PESSIMISTIC_WRITE);
        Optional<Appointment> live = Appointment.liveOf(ticketId);
        live.ifPresent(appointment -> {
            Instant now = slots.now();
            appointment.cancelledAt = now;
            String zone = BookingSettings.of(ticket.projectKey).map(s -> s.timeZone).orElse("UTC");
            outbox.publish(new AppointmentChanged(appointment.id, ticket.ticketId, ticket.number, ticket.projectKey,
                    ticket.title, appointment.clientEmail, ticket.clientName, Change.CANCELLED, appointment.startsAt,
                    appointment.endsAt, zone, null, now));
        });
        return live;
    }

    /** Inserts the booking on this seat unless a live booking holds it (or the ticket has one): true when it did. */
    private static boolean takeSeat(UUID id, PortalTicket ticket, Instant startsAt, Instant endsAt, int seat,
            Instant now) {
        return Appointment.getEntityManager().createNativeQuery("""
                insert into appointment (id, ticket_id, project_key, client_email, starts_at, ends_at, seat, booked_at)
                values (:id, :ticket, :project, :client, :starts, :ends, :seat, :now)
                on conflict do nothing""")
                .setParameter("id", id).setParameter("ticket", ticket.ticketId)
                .setParameter("project", ticket.projectKey).setParameter("client", ticket.clientEmail)
                .setParameter("starts", startsAt).setParameter("ends", endsAt).setParameter("seat", seat)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    private static AppointmentChanged event(PortalTicket ticket, Appointment appointment, Change change,
            BookingSettings settings, Instant previousStartsAt, Instant now) {
        return new AppointmentChanged(appointment.id, ticket.ticketId, ticket.number, ticket.projectKey, ticket.title,
                appointment.clientEmail, ticket.clientName, change, appointment.startsAt, appointment.endsAt,
                settings.timeZone, previousStartsAt, now);
    }
}
