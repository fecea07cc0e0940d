package dev.relaydesk.ticket.routing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** A client with an account: their address proved itself on a ticket link before they registered. */
@Entity
@Table(name = "registered_client")
public class RegisteredClient extends PanacheEntityBase {

    @Id
    public String email;

    public String name;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    public static boolean isRegistered(String address) {
        return address != null && findById(address.strip().toLowerCase(Locale.ROOT)) != null;
    }

    /** Registering twice (a replayed event, a re-created account) keeps the first date and the newest name. */
    static void remember(String address, String name, Instant registeredAt) {
        getEntityManager().createNativeQuery("""
                insert into registered_client (email, name, registered_at) values (:email, :name, :at)
                on conflict (email) do update set name = excluded.name""")
                .setParameter("email", address.strip().toLowerCase(Locale.ROOT))
                .setParameter("name", name)
                .setParameter("at", registeredAt)
                .executeUpdate();
    }
}
