package dev.relaydesk.portal.ticket;

import dev.relaydesk.events.TicketPriority;
import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.events.TicketStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What a client may see of a ticket, kept from ticket events (never the internal stage). */
@Entity
@Table(name = "portal_ticket")
public class PortalTicket extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public UUID ticketId;

    @Column(nullable = false)
    public String number;

    @Column(name = "project_key", nullable = false)
    public String projectKey;

    @Column(nullable = false)
    public String title;

    /** Null while only later events of the ticket have arrived. */
    public String description;

    @Column(name = "client_email", nullable = false)
    public String clientEmail;

    @Column(name = "client_name")
    public String clientName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketStatus status;

    /** The highest ticket version applied; older events never overwrite newer state. */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Shown to clients only where the project's portal profile says so. */
    public String type;

    public String priority;

    @Column(name = "details_version", nullable = false)
    public long detailsVersion = -1;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * The ticket's row, locked for this transaction; created empty (version -1, filled by any event) when it
     * does not exist yet. Events of one ticket arrive on several topics at once: the insert-if-absent and the
     * row lock make their consumers take turns instead of racing to create the same row.
     */
    public static PortalTicket findOrStart(UUID ticketId) {
        getEntityManager().createNativeQuery("insert into portal_ticket (ticket_id, number, project_key, title,"
                        + " client_email, status, version, updated_at) values (:id, '', '', '', '', 'OPEN', -1, now())"
                        + " on conflict do nothing")
                .setParameter("id", ticketId)
                .executeUpdate();
        return findById(ticketId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Takes the event's view of the ticket when it is newer than what is kept. */
    public void advanceTo(long eventVersion, String number, String projectKey, String title, String clientEmail,
            String clientName, TicketStatus status, Instant at) {
        if (eventVersion <= version) {
            return;
        }
        this.number = number;
        this.projectKey = projectKey;
        this.title = title;
        this.clientEmail = clientEmail;
        this.clientName = clientName;
        this.status = status;
        this.version = eventVersion;
        this.updatedAt = at;
    }

    public void advanceTo(long eventVersion, TicketSnapshot snapshot, Instant at) {
        advanceTo(eventVersion, snapshot.number(), snapshot.projectKey(), snapshot.title(), snapshot.clientEmail(),
                snapshot.clientName(), snapshot.status(), at);
        advanceDetailsTo(eventVersion, snapshot.type(), snapshot.priority());
    }

    /** Type and priority travel only on some events (not NoteAdded), so they keep their own version. */
    public void advanceDetailsTo(long eventVersion, String type, TicketPriority priority) {
        if (eventVersion <= detailsVersion) {
            return;
        }
        this.type = type;
        this.priority = priority == null ? null : priority.name();
        this.detailsVersion = eventVersion;
    }

    /** "High" for HIGH. */
    public String priorityLabel() {
        return priority == null ? null : priority.charAt(0) + priority.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isReady() {
        return description != null;
    }
}
