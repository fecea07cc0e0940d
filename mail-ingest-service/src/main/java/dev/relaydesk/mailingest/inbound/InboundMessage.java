package dev.relaydesk.mailingest.inbound;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message exactly as it arrived, and what became of it. */
@Entity
@Table(name = "inbound_message")
public class InboundMessage extends PanacheEntityBase {

    public enum Status {
        /** Parsed and published as MailReceived. */
        PUBLISHED,
        /** Kept, but never turned into a ticket (auto-reply, bounce, loop); {@link #reason} says why. */
        IGNORED,
        /** Could not be parsed; kept for an admin to look at and replay. */
        QUARANTINED
    }

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String sha256;

    @Column(name = "message_id")
    public String messageId;

    @Column(nullable = false)
    public byte[] raw;

    @Column(name = "envelope_from")
    public String envelopeFrom;

    /** The parsed From address; null while the message could not be parsed. */
    @Column(name = "from_address")
    public String fromAddress;

    @Column(name = "envelope_recipients", nullable = false)
    public String envelopeRecipients;

    @Column(nullable = false)
    public String channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public String reason;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
