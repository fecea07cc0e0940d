package dev.relaydesk.ticket.live;

import dev.relaydesk.ticket.access.TypePermissions;
import io.quarkus.hibernate.orm.panache.Panache;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who may see a ticket right now: admins, and the agents allowed on its current type. Read afresh for each
 * event, so a changed type or permission counts from the next event on, exactly as a reload would show.
 */
record TicketViewers(Set<String> agents) {

    static final TicketViewers ADMINS_ONLY = new TicketViewers(Set.of());

    /** Needs a transaction (or request context) for the two reads. */
    @SuppressWarnings("unchecked")
    static TicketViewers of(UUID ticketId) {
        List<UUID> type = Panache.getEntityManager()
                .createNativeQuery("select type_id from ticket where id = :id", UUID.class)
                .setParameter("id", ticketId)
                .getResultList();
        return type.isEmpty() ? ADMINS_ONLY : new TicketViewers(Set.copyOf(TypePermissions.agentsOf(type.get(0))));
    }

    boolean allow(LiveUpdates.Watcher watcher) {
        return watcher.admin() || agents.contains(watcher.agent());
    }
}
