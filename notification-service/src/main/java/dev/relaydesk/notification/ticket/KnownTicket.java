package dev.relaydesk.notification.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What the ticket events told this service about a ticket, at the highest version seen. */
@Entity
@Table(name = "known_ticket")
public class KnownTicket extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public UUID ticketId;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public String number;

    @Column(name = "project_key", nullable = false)
    public String projectKey;

    @Column(name = "project_name")
    public String projectName;

    @Column(nullable = false)
    public String title;

    public String stage;

    /** The ticket type's name and the priority's name, for rules on events that do not carry them. */
    public String type;

    public String priority;

    @Column(name = "client_email")
    public String clientEmail;

    @Column(name = "client_name")
    public String clientName;

    /** Usernames of the agents it is assigned to; null while no event has said. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> assignees;

    /** Custom-field values by key, as text; null while no event has said. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "custom_fields")
    public Map<String, String> customFields;

    /** The client's mobile number for SMS (E.164); null when they gave none. */
    @Column(name = "client_phone")
    public String clientPhone;

    @Column(name = "last_note_text")
    public String lastNoteText;

    @Column(name = "last_note_author")
    public String lastNoteAuthor;

    @Column(name = "last_note_at")
    public Instant lastNoteAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
