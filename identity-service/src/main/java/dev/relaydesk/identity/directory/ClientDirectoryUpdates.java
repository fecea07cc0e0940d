package dev.relaydesk.identity.directory;

import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.events.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Keeps the directory's rows as the events describe them. Events of one ticket come from several topics, so
 * they can arrive out of order: a row only ever moves to a newer ticket version.
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
                .setParameter("email", normalized(clientEmail))
                .setParameter("name", clientName)
                .setParameter("organization", organization)
                .setParameter("open", status == TicketStatus.OPEN)
                .setParameter("at", at)
                .executeUpdate();
    }

    /** Registering again (a replayed event, a re-created account) keeps the first date and the newest name. */
    public void registered(String email, String name, Instant at) {
        db.createNativeQuery("""
                insert into registered_client (email, name, registered_at) values (:email, :name, :at)
                on conflict (email) do update set name = excluded.name""")
                .setParameter("email", normalized(email))
                .setParameter("name", name)
                .setParameter("at", at)
                .executeUpdate();
    }

    static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
