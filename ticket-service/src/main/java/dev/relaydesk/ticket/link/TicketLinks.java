package dev.relaydesk.ticket.link;

import dev.relaydesk.events.TicketLinked;
import dev.relaydesk.messaging.outbox.Outbox;
import dev.relaydesk.ticket.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Links tickets and tells the other services (webhooks, the client's portal) in the same transaction. */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class TicketLinks {

    private final Outbox outbox;

    TicketLinks(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Links {@code newer} to {@code older} (both histories show it) and publishes {@link TicketLinked}. */
    public TicketLink link(Ticket newer, Ticket older, LinkKind kind, String actor) {
        TicketLink link = TicketLink.link(newer, older, kind, actor);
        outbox.publish(new TicketLinked(newer.id, newer.version, newer.displayNumber(), newer.project.key,
                newer.project.name, newer.title, newer.clientEmail, newer.clientName, kind.name(), older.id,
                older.displayNumber(), older.project.key, newer.isClient(older.clientEmail), actor, link.createdAt));
        return link;
    }
}
