package dev.relaydesk.ticket.link;

import dev.relaydesk.events.TicketStatus;
import dev.relaydesk.ticket.history.HistoryEntry;
import dev.relaydesk.ticket.ticket.Ticket;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A newer ticket pointing at an older one it belongs with; both tickets show it to agents. */
@Entity
@Table(name = "ticket_link")
@IdClass(TicketLink.Key.class)
public class TicketLink extends PanacheEntityBase {

    /** The primary key: one link per pair of tickets. */
    public static class Key implements Serializable {

        public UUID ticketId;
        public UUID linkedTicketId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && Objects.equals(ticketId, that.ticketId)
                    && Objects.equals(linkedTicketId, that.linkedTicketId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ticketId, linkedTicketId);
        }
    }

    /** The newer ticket. */
    @Id
    @Column(name = "ticket_id")
    public UUID ticketId;

    /** The older ticket it points at. */
    @Id
    @Column(name = "linked_ticket_id")
    public UUID linkedTicketId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LinkKind kind;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * Links {@code newer} to {@code older} and writes the link into both histories (the tickets themselves do not
     * change, so no version moves). {@link TicketLinks#link} also publishes the event; call that one.
     */
    static TicketLink link(Ticket newer, Ticket older, LinkKind kind, String actor) {
        Instant now = Instant.now();
        TicketLink link = new TicketLink();
        link.ticketId = newer.id;
        link.linkedTicketId = older.id;
        link.kind = kind;
        link.createdAt = now;
        link.persist();
        HistoryEntry.record(newer.id, actor, "linked", kind.labelFromNewer() + " " + older.displayNumber(), now);
        HistoryEntry.record(older.id, actor, "linked", kind.labelFromOlder() + " " + newer.displayNumber(), now);
        return link;
    }

    /** Links either way from or to the ticket, oldest first. */
    public static List<TicketLink> of(UUID ticketId) {
        return list("ticketId = ?1 or linkedTicketId = ?1 order by createdAt", ticketId);
    }

    /** The newest follow-up of a closed ticket that is still open, if its client's replies should go there. */
    public static Optional<Ticket> openFollowUpOf(UUID closedTicketId) {
        return Ticket.find("select t from Ticket t, TicketLink l where l.ticketId = t.id and l.linkedTicketId = ?1"
                        + " and l.kind = ?2 and t.status = ?3 order by l.createdAt desc",
                closedTicketId, LinkKind.FOLLOW_UP, TicketStatus.OPEN).firstResultOptional();
    }
}
