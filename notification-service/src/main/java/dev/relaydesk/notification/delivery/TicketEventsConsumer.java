package dev.relaydesk.notification.delivery;

import dev.relaydesk.events.ClosedTicketReplyRefused;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.TicketAssigned;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketReopened;
import dev.relaydesk.events.TicketStageChanged;
import dev.relaydesk.events.TicketUpdated;
import dev.relaydesk.messaging.inbox.IdempotentConsumer;
import dev.relaydesk.notification.rule.RuleEngine;
import dev.relaydesk.notification.rule.RuleEvent;
import dev.relaydesk.notification.ticket.KnownTickets;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Every ticket event updates what the service knows of the ticket; some also queue mails, and any may fire the
 * admins' rules. All in the transaction that records the event as processed, so a replay changes nothing.
 */
@ApplicationScoped
public class TicketEventsConsumer {

    private final IdempotentConsumer idempotent;
    private final Deliveries deliveries;
    private final KnownTickets knownTickets;
    private final RuleEngine rules;

    TicketEventsConsumer(IdempotentConsumer idempotent, Deliveries deliveries, KnownTickets knownTickets,
            RuleEngine rules) {
        this.rules = rules;
        this.idempotent = idempotent;
        this.deliveries = deliveries;
        this.knownTickets = knownTickets;
    }

    @Incoming("ticket-created-in")
    @Blocking
    public CompletionStage<Void> ticketCreated(Message<String> message) {
        return idempotent.handle(message, TicketCreated.class, "notification.ticket-created", event -> {
            knownTickets.created(event);
            deliveries.onTicketCreated(event);
            rules.fire(RuleEvent.CREATED, event);
        });
    }

    @Incoming("note-added-in")
    @Blocking
    public CompletionStage<Void> noteAdded(Message<String> message) {
        return idempotent.handle(message, NoteAdded.class, "notification.note-added", event -> {
            knownTickets.noteAdded(event);
            deliveries.onNoteAdded(event);
            rules.fire(RuleEvent.NOTE_ADDED, event);
        });
    }

    @Incoming("ticket-closed-in")
    @Blocking
    public CompletionStage<Void> ticketClosed(Message<String> message) {
        return idempotent.handle(message, TicketClosed.class, "notification.ticket-closed", event -> {
            knownTickets.changed(event.ticket(), event.version());
            deliveries.onTicketClosed(event);
            rules.fire(RuleEvent.CLOSED, event);
        });
    }

    @Incoming("ticket-reopened-in")
    @Blocking
    public CompletionStage<Void> ticketReopened(Message<String> message) {
        return idempotent.handle(message, TicketReopened.class, "notification.ticket-reopened", event -> {
            knownTickets.changed(event.ticket(), event.version());
            deliveries.onTicketReopened(event);
            rules.fire(RuleEvent.REOPENED, event);
        });
    }

    @Incoming("closed-ticket-reply-refused-in")
    @Blocking
    public CompletionStage<Void> closedTicketReplyRefused(Message<String> message) {
        return idempotent.handle(message, ClosedTicketReplyRefused.class, "notification.closed-ticket-reply-refused",
                deliveries::onClosedTicketReplyRefused);
    }

    @Incoming("ticket-assigned-in")
    @Blocking
    public CompletionStage<Void> ticketAssigned(Message<String> message) {
        return idempotent.handle(message, TicketAssigned.class, "notification.ticket-assigned", event -> {
            knownTickets.changed(event.ticket(), event.version());
            rules.fire(RuleEvent.ASSIGNED, event);
        });
    }

    @Incoming("ticket-stage-changed-in")
    @Blocking
    public CompletionStage<Void> ticketStageChanged(Message<String> message) {
        return idempotent.handle(message, TicketStageChanged.class, "notification.ticket-stage-changed", event -> {
            knownTickets.changed(event.ticket(), event.version());
            rules.fire(RuleEvent.STAGE_CHANGED, event);
        });
    }

    @Incoming("ticket-updated-in")
    @Blocking
    public CompletionStage<Void> ticketUpdated(Message<String> message) {
        return idempotent.handle(message, TicketUpdated.class, "notification.ticket-updated", event -> {
            knownTickets.changed(event.ticket(), event.version());
            rules.fire(RuleEvent.UPDATED, event);
        });
    }
}
