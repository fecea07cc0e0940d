package dev.relaydesk.portal.link;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One use of a link, for the agents' access log. */
@Entity
@Table(name = "link_access")
public class LinkAccess extends PanacheEntityBase {

    /**
     * What happened. The CODE_ and WRITE_ actions belong to projects that ask for a code before writing: a code was
     * mailed, entered right or wrong, and a post from a browser without a code was refused (a forwarded link shows
     * here). The code itself is never recorded.
     */
    public enum Action { VIEW, COMMENT, CLOSE, REOPEN, FEEDBACK, EDIT, CODE_SENT, CODE_ACCEPTED, CODE_REJECTED,
        WRITE_REFUSED, BOOK, CANCEL_BOOKING }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "link_id", nullable = false)
    public UUID linkId;

    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;

    @Column(nullable = false)
    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    @Column(name = "client_network")
    public String clientNetwork;

    public static List<LinkAccess> ofTicket(UUID ticketId) {
        return list("ticketId = ?1 order by at, id", ticketId);
    }
}
