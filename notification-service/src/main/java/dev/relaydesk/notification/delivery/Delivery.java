package dev.relaydesk.notification.delivery;

import dev.relaydesk.events.ClosedTicketReplyRefused;
import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketEvent;
import dev.relaydesk.events.TicketReopened;
import dev.relaydesk.notification.template.MailKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A message owed to someone. Queued in the same transaction that consumes the event, so a replayed event
 * queues nothing new; its Message-ID is fixed at queue time, so even a resend after a crash is one mail to
 * the recipient's client.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    public enum Status {
        /** Not tried yet. */
        QUEUED,
        /** The last attempt failed; the next one is due at {@code nextAttemptAt}. */
        FAILED,
        SENT,
        /** Failed too often, or could never be sent (no such agent): nobody will try again. */
        GIVEN_UP
    }

    /** How the message travels. */
    public enum Channel {
        EMAIL,
        SMS
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel = Channel.EMAIL;

    /** The E.164 number, for SMS. */
    @Column(name = "recipient_phone")
    public String recipientPhone;

    /** How many parts of a split SMS the provider accepted: a retry sends only the rest. */
    @Column(name = "sms_parts_sent", nullable = false)
    public int smsPartsSent;

    /** The rule that queued it, for automated actions. */
    @Column(name = "rule_id")
    public UUID ruleId;

    /** The {@link EventType} of {@link #payload}, for automated actions (any ticket event may trigger one). */
    @Column(name = "event_type")
    public String eventType;

    /** What the message is about; one message per kind and subject, however often the event comes. */
    @Column(name = "subject_key", nullable = false)
    public String subjectKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MailKind kind;

    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;

    /** The address; for a mail to an agent, filled in once Keycloak told it. */
    @Column(name = "recipient_email")
    public String recipientEmail;

    /** The agent's username, for mails to agents. */
    @Column(name = "recipient_agent")
    public String recipientAgent;

    /** The event that asked for this message, as JSON. */
    @Column(nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "message_id", nullable = false, unique = true)
    public String messageId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The trace of the event that queued it, continued by every attempt to send it; null when not traced. */
    @Column(name = "trace_parent")
    public String traceParent;

    /**
     * The ticket event that asked for this message, read back from {@link #payload}. An access code's mail has none
     * (its request is no ticket event) and is not announced.
     */
    public TicketEvent cause() {
        return switch (kind) {
            case TICKET_CONFIRMATION, NEW_TICKET -> EventJson.read(payload, TicketCreated.class);
            case AGENT_REPLY, CLIENT_NOTE -> EventJson.read(payload, NoteAdded.class);
            case TICKET_CLOSED -> EventJson.read(payload, TicketClosed.class);
            case TICKET_REOPENED -> EventJson.read(payload, TicketReopened.class);
            case CLOSED_TICKET_REPLY -> EventJson.read(payload, ClosedTicketReplyRefused.class);
            case ACCESS_CODE -> throw new IllegalStateException("An access code's mail has no ticket event");
            case APPOINTMENT_CONFIRMATION -> throw new IllegalStateException("An appointment's mail has no ticket event");
            case AUTOMATED_ACTION -> (TicketEvent) EventJson.read(payload, EventType.valueOf(eventType).recordClass());
        };
    }
}
