package dev.relaydesk.ticket.sql;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Query;
import java.util.List;

/**
 * Single-column native queries, typed by casting the driver's values. No result class is handed to Hibernate
 * on purpose: with one (say {@code UUID.class}) Hibernate 7.2 stores a new query plan on every call, all
 * under the same hash, and each lookup becomes a scan of thousands of plans (seen as 11% of ticket-service's
 * CPU while creating tickets) that also evicts the plans worth keeping.
 */
public final class Scalars {

    private Scalars() {
    }

    /** {@code params} alternate names and values: {@code "agent", name, ...}. */
    public static <T> List<T> list(Class<T> type, String sql, Object... params) {
        Query query = Panache.getEntityManager().createNativeQuery(sql);
        for (int i = 0; i < params.length; i += 2) {
            query.setParameter((String) params[i], params[i + 1]);
        }
        return ((List<?>) query.getResultList()).stream().map(type::cast).toList();
    }
}
