package dev.relaydesk.messaging.inbox;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** The idempotent-consumer record: an event id is claimed in the same transaction as its effects. */
@ApplicationScoped
public class ProcessedEvents {

    /** True the first time this event id is seen; false for a redelivery, whose effects already committed. */
    @Transactional(TxType.MANDATORY)
    public boolean claim(String eventId, String consumer) {
        int inserted = Panache.getEntityManager()
                .createNativeQuery("insert into processed_event (event_id, consumer) values (:id, :consumer) on conflict do nothing")
                .setParameter("id", eventId)
                .setParameter("consumer", consumer)
                .executeUpdate();
        return inserted == 1;
    }
}
