package dev.relaydesk.identity.directory;

import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.events.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the directory's rows as the events describe them. Events of one ticket come from several topics, so
 * they can arrive out of order: a row only ever moves to a newer ticket version. Each change also refreshes the
 * client's one-row summary that the admins' list reads; a transaction-scoped lock per address makes concurrent
 * consumers refresh one client's summary one after the other, each counting the other's committed rows.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ClientDirectoryUpdates {

    private final EntityManager db;

    ClientDirectoryUpdates(EntityManager db) {
        this.db = db;
    }

    public void ticket(TicketSnapshot ticket, long version, Instant at) {
        ticket(ticket.id(), version, ticket.clientEmail(), ticket.clientName(), ticket.clientOrganization(),
                ticket.status(), at);
    }

    public void ticket(UUID ticketId, long version, String clientEmail, String clientName, String organization,
            TicketStatus status, Instant at) {
        String email = normalized(clientEmail);
        List<String> affected = new ArrayList<>(List.of(email));
        formerEmail(ticketId).filter(former -> !former.equals(email)).ifPresent(affected::add);
        Collections.sort(affected); // one lock order for every consumer: no deadlock when a ticket changes client
        affected.forEach(this::lock);
        db.createNativeQuery("""
                insert into client_ticket (ticket_id, version, client_email, client_name, client_organization, open,
                                           last_activity)
                values (:id, :version, :email, :name, :organization, :open, :at)
                on conflict (ticket_id) do update set
                    version = excluded.version, client_email = excluded.client_email,
                    client_name = excluded.client_name, client_organization = excluded.client_organization,
                    open = excluded.open, last_activity = greatest(client_ticket.last_activity, excluded.last_activity)
                where client_ticket.version < excluded.version""")
                .setParameter("id", ticketId)
                .setParameter("version", version)
                .setParameter("email", email)
                .setParameter("name", clientName)
                .setParameter("organization", organization)
                .setParameter("open", status == TicketStatus.OPEN)
                .setParameter("at", at)
                .executeUpdate();
        affected.forEach(this::refreshSummary);
    }

    /** Registering again (a replayed event, a re-created account) keeps the first date and the newest name. */
    public void registered(String email, String name, Instant at) {
        String address = normalized(email);
        lock(address);
        db.createNativeQuery("""
                insert into registered_client (email, name, registered_at) values (:email, :name, :at)
                on conflict (email) do update set name = excluded.name""")
                .setParameter("email", address)
                .setParameter("name", name)
                .setParameter("at", at)
                .executeUpdate();
        refreshSummary(address);
    }

    private Optional<String> formerEmail(UUID ticketId) {
        return db.createNativeQuery("select client_email from client_ticket where ticket_id = :id")
                .setParameter("id", ticketId).getResultList().stream().findFirst().map(String.class::cast);
    }

    private void lock(String email) {
        db.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(:email))) locked").setParameter("email", email)
                .getSingleResult();
    }

    /** Recounts one client from its ticket rows and registration; a client left with neither has no row. */
    private void refreshSummary(String email) {
        db.createNativeQuery("""
                insert into client_summary (email, name, organization, registered, tickets, open_tickets,
                                            last_activity)
                select :email, coalesce(r.name, t.name), t.organization, r.email is not null, t.tickets,
                       t.open_tickets, coalesce(t.last_activity, r.registered_at)
                from (select count(*) as tickets, count(*) filter (where open) as open_tickets,
                             max(last_activity) as last_activity,
                             (array_agg(client_name order by last_activity desc)
                                  filter (where client_name is not null))[1] as name,
                             (array_agg(client_organization order by last_activity desc)
                                  filter (where client_organization is not null))[1] as organization
                      from client_ticket where client_email = :email) t
                left join registered_client r on r.email = :email
                where t.tickets > 0 or r.email is not null
                on conflict (email) do update set
                    name = excluded.name, organization = excluded.organization, registered = excluded.registered,
                    tickets = excluded.tickets, open_tickets = excluded.open_tickets,
                    last_activity = excluded.last_activity""")
                .setParameter("email", email)
                .executeUpdate();
        db.createNativeQuery("""
                delete from client_summary where email = :email
                    and not exists (select 1 from client_ticket where client_email = :email)
                    and not exists (select 1 from registered_client where email = :email)""")
                .setParameter("email", email)
                .executeUpdate();
    }

    static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
