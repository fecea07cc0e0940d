package dev.relaydesk.notification.rule;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.TicketEvent;
import dev.relaydesk.messaging.tracing.TraceParent;
import dev.relaydesk.notification.delivery.Delivery;
import dev.relaydesk.notification.delivery.DispatchSoon;
import dev.relaydesk.notification.delivery.Delivery.Channel;
import dev.relaydesk.notification.delivery.Delivery.Status;
import dev.relaydesk.notification.rule.NotificationRule.Audience;
import dev.relaydesk.notification.template.MailKind;
import dev.relaydesk.notification.ticket.KnownTickets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the admins' rules on a ticket event, in the transaction that consumes it: each matching rule queues its
 * message once per event and recipient (the delivery's subject key says which), so a replay queues nothing new.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class RuleEngine {

    private record Recipient(String email, String agent, String phone) {

        String key() {
            return email != null ? email.toLowerCase(java.util.Locale.ROOT) : agent != null ? "agent:" + agent : phone;
        }
    }

    private final String mailDomain;
    private final KnownTickets knownTickets;
    private final DispatchSoon dispatchSoon;

    RuleEngine(@ConfigProperty(name = "relaydesk.mail.domain") String mailDomain, KnownTickets knownTickets,
            DispatchSoon dispatchSoon) {
        this.dispatchSoon = dispatchSoon;
        this.mailDomain = mailDomain;
        this.knownTickets = knownTickets;
    }

    public void fire(RuleEvent on, TicketEvent event) {
        if (event instanceof NoteAdded note && !note.publicNote()) {
            return; // a private note is for agents only: no rule may carry it, or news of it, anywhere
        }
        List<NotificationRule> rules = NotificationRule.on(on);
        if (rules.isEmpty()) {
            return;
        }
        TicketFacts facts = TicketFacts.of(event, knownTickets.find(event.ticketId()));
        for (NotificationRule rule : rules) {
            if (rule.matches(facts)) {
                for (Recipient recipient : recipients(rule, facts)) {
                    queue(rule, event, recipient);
                }
            }
        }
    }

    /** Nobody is told about their own action. */
    private static List<Recipient> recipients(NotificationRule rule, TicketFacts facts) {
        List<Recipient> recipients = new ArrayList<>();
        if (rule.audience == Audience.FIXED) {
            recipients.add(rule.channel == Channel.SMS ? new Recipient(null, null, rule.fixedAddress)
                    : new Recipient(rule.fixedAddress, null, null));
        } else if (rule.audience == Audience.CLIENT) {
            if (facts.clientEmail() != null && !facts.clientEmail().isBlank() && !isActor(facts.clientEmail(), facts.actor())) {
                // An SMS to a client who gave no number is still logged: it is given up saying so, not lost silently.
                recipients.add(new Recipient(facts.clientEmail(), null,
                        rule.channel == Channel.SMS ? facts.clientPhone() : null));
            }
        } else {
            for (String agent : facts.assignees()) {
                if (!isActor(agent, facts.actor())) {
                    recipients.add(new Recipient(null, agent, null));
                }
            }
        }
        return recipients;
    }

    private static boolean isActor(String recipient, String actor) {
        return actor != null && recipient.strip().equalsIgnoreCase(actor.strip());
    }

    private void queue(NotificationRule rule, TicketEvent event, Recipient recipient) {
        String subjectKey = "rule:" + rule.id + ":" + eventKey(event) + ":" + recipient.key();
        if (Delivery.count("kind = ?1 and subjectKey = ?2", MailKind.AUTOMATED_ACTION, subjectKey) > 0) {
            return;
        }
        Instant now = Instant.now();
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.kind = MailKind.AUTOMATED_ACTION;
        delivery.channel = rule.channel;
        delivery.subjectKey = subjectKey;
        delivery.ticketId = event.ticketId();
        delivery.recipientEmail = recipient.email();
        delivery.recipientAgent = recipient.agent();
        delivery.recipientPhone = recipient.phone();
        delivery.ruleId = rule.id;
        delivery.eventType = EventType.of(event).name();
        delivery.payload = EventJson.write(event);
        delivery.status = Status.QUEUED;
        delivery.nextAttemptAt = now;
        delivery.messageId = delivery.id + "@" + mailDomain;
        delivery.createdAt = now;
        delivery.traceParent = TraceParent.ofCurrent();
        delivery.persist();
        dispatchSoon.afterCommit();
    }

    /** The same event however often it comes: a note by its id, any other change by the ticket version it made. */
    private static String eventKey(TicketEvent event) {
        if (event instanceof NoteAdded note) {
            return "note:" + note.noteId();
        }
        return EventType.of(event).name() + ":" + event.ticketId() + ":" + event.version();
    }
}
