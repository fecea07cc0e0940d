package dev.relaydesk.ticket.api;

import dev.relaydesk.ticket.sql.Scalars;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;

/** Idempotency-Key headers of ticket creation, per caller, so a retried request returns the first ticket. */
@ApplicationScoped
public class IdempotencyKeys {

    private final EntityManager entityManager;

    IdempotencyKeys(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<UUID> ticketFor(String caller, String key) {
        return Scalars.list(UUID.class, "select ticket_id from api_idempotency_key where key = :key",
                "key", scoped(caller, key)).stream().findFirst();
    }

    /** In the creating transaction: two concurrent first calls cannot both commit (primary key). */
    public void remember(String caller, String key, UUID ticketId) {
        entityManager.createNativeQuery("insert into api_idempotency_key (key, ticket_id) values (:key, :ticket)")
                .setParameter("key", scoped(caller, key))
                .setParameter("ticket", ticketId)
                .executeUpdate();
    }

    private static String scoped(String caller, String key) {
        return caller + ":" + key;
    }
}
