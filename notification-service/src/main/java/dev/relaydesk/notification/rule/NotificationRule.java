package dev.relaydesk.notification.rule;

import dev.relaydesk.notification.delivery.Delivery.Channel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An automated action: on an event, when every set condition holds, send an email or an SMS from the rule's own
 * template to the client, the ticket's assignees or a fixed address.
 */
@Entity
@Table(name = "notification_rule")
public class NotificationRule extends PanacheEntityBase {

    public enum Audience {
        CLIENT,
        ASSIGNEES,
        /** {@link #fixedAddress}: an email address, or an E.164 number for SMS. */
        FIXED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "on_event", nullable = false)
    public RuleEvent onEvent;

    /** Conditions; null matches any ticket. */
    @Column(name = "project_key")
    public String projectKey;

    @Column(name = "ticket_type")
    public String ticketType;

    public String stage;

    /** A {@code TicketPriority} name. */
    public String priority;

    /** Condition on a custom field: the field's key, and the value it must have (compared ignoring case). */
    @Column(name = "custom_field")
    public String customField;

    @Column(name = "custom_field_value")
    public String customFieldValue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Audience audience;

    @Column(name = "fixed_address")
    public String fixedAddress;

    /** Qute; the email's subject (SMS have none). */
    public String subject;

    /** Qute, plain text: the email's text or the SMS. */
    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    public static List<NotificationRule> on(RuleEvent event) {
        return list("onEvent = ?1 order by createdAt", event);
    }

    /** Whether the ticket meets every condition the rule sets. */
    public boolean matches(TicketFacts ticket) {
        return same(projectKey, ticket.projectKey()) && same(ticketType, ticket.type()) && same(stage, ticket.stage())
                && same(priority, ticket.priority())
                && (customField == null || same(customFieldValue, ticket.customFields().get(customField)));
    }

    private static boolean same(String condition, String value) {
        return condition == null || value != null && condition.strip().equalsIgnoreCase(value.strip());
    }
}
