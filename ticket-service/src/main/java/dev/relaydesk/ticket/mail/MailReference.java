package dev.relaydesk.ticket.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A Message-ID known to belong to a ticket's thread: mails we received, and mails notification-service sent. */
@Entity
@Table(name = "mail_reference")
public class MailReference extends PanacheEntityBase {

    @Id
    @Column(name = "message_id")
    public String messageId;

    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static void remember(String messageId, UUID ticketId) {
        MailReference reference = new MailReference();
        reference.messageId = messageId;
        reference.ticketId = ticketId;
        reference.createdAt = Instant.now();
        reference.persist();
    }

    /** Keeps the first ticket a Message-ID was seen on; a Message-ID we already know stays as it is. */
    public static void rememberIfNew(String messageId, UUID ticketId) {
        if (messageId != null && !messageId.isBlank() && ticketOf(messageId).isEmpty()) {
            remember(messageId, ticketId);
        }
    }

    public static Optional<UUID> ticketOf(String messageId) {
        return MailReference.<MailReference>findByIdOptional(messageId).map(reference -> reference.ticketId);
    }
}
