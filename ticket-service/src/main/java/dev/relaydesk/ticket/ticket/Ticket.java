package dev.relaydesk.ticket.ticket;

import dev.relaydesk.events.TicketPriority;
import dev.relaydesk.events.TicketSource;
import dev.relaydesk.events.TicketStatus;
import dev.relaydesk.ticket.project.Project;
import dev.relaydesk.ticket.project.TicketType;
import dev.relaydesk.ticket.project.WorkflowStage;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id")
    public Project project;

    @Column(nullable = false)
    public int number;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String description;

    @Column(name = "client_email", nullable = false)
    public String clientEmail;

    @Column(name = "client_name")
    public String clientName;

    @Column(name = "client_organization")
    public String clientOrganization;

    /** The client's mobile number for SMS updates, E.164; null when they gave none. */
    @Column(name = "client_phone")
    public String clientPhone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketPriority priority = TicketPriority.NORMAL;

    /** Values by custom-field key, already checked against the project's field definitions. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "custom_fields", nullable = false)
    public Map<String, Object> customFields = new LinkedHashMap<>();

    /** Changing the assignees changes the ticket's version, like any other edit. */
    @ElementCollection
    @CollectionTable(name = "ticket_assignee", joinColumns = @JoinColumn(name = "ticket_id"))
    @OrderBy("assignedAt, agent")
    public Set<Assignee> assignees = new LinkedHashSet<>();

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "type_id")
    public TicketType type;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "stage_id")
    public WorkflowStage stage;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketSource source;

    /** Set when the client writes, cleared when an agent replies or closes. */
    @Column(name = "unread_by_agent", nullable = false)
    public boolean unreadByAgent;

    /** When the ticket last moved into the closing stage; null while it is open. */
    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "thread_message_id", nullable = false)
    public String threadMessageId;

    /** Optimistic lock and the version number every event of this ticket carries. */
    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public String displayNumber() {
        return project.key + "-" + number;
    }

    public List<String> assigneeNames() {
        return assignees.stream().map(Assignee::agent).toList();
    }

    public boolean isClient(String email) {
        return email != null && clientEmail.equalsIgnoreCase(email);
    }

    public static Optional<Ticket> byNumber(String projectKey, int number) {
        return find("project.key = ?1 and number = ?2", projectKey, number).firstResultOptional();
    }
}
