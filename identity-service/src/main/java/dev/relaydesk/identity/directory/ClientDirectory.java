package dev.relaydesk.identity.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The admins' list of clients, everyone who ever opened a ticket or registered: one row per address, ordered by
 * address and paged by it (keyset), so a page costs the same wherever it is.
 */
@ApplicationScoped
public class ClientDirectory {

    /** @param organization the one on the client's most recent ticket that names one */
    public record ClientEntry(String email, String name, String organization, boolean registered, long tickets,
            long openTickets, Instant lastActivity) {
    }

    /** @param next the {@code after} value of the next page, null on the last one */
    public record Page(List<ClientEntry> clients, String next) {
    }

    /**
     * @param text       part of the address, name or organization (case-insensitive), or null
     * @param registered only registered (true) or only unregistered (false) clients, or null for all
     * @param after      the last address of the previous page, or null
     */
    public record Filter(String text, Boolean registered, String after, int limit) {
    }

    private final EntityManager db;

    ClientDirectory(EntityManager db) {
        this.db = db;
    }

    public Page page(Filter filter) {
        StringBuilder sql = new StringBuilder("""
                select email, name, organization, registered, tickets, open_tickets, last_activity
                from client_summary where true""");
        if (filter.text() != null) {
            sql.append(" and (strpos(email, :text) > 0 or strpos(lower(coalesce(name, '')), :text) > 0"
                    + " or strpos(lower(coalesce(organization, '')), :text) > 0)");
        }
        if (filter.registered() != null) {
            sql.append(" and registered = :registered");
        }
        if (filter.after() != null) {
            sql.append(" and email > :after");
        }
        sql.append(" order by email limit :limit");
        Query query = db.createNativeQuery(sql.toString()).setParameter("limit", filter.limit() + 1);
        if (filter.text() != null) {
            query.setParameter("text", filter.text().toLowerCase(Locale.ROOT));
        }
        if (filter.registered() != null) {
            query.setParameter("registered", filter.registered());
        }
        if (filter.after() != null) {
            query.setParameter("after", filter.after().toLowerCase(Locale.ROOT));
        }
        List<ClientEntry> entries = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            entries.add(new ClientEntry((String) columns[0], (String) columns[1], (String) columns[2],
                    (Boolean) columns[3], ((Number) columns[4]).longValue(), ((Number) columns[5]).longValue(),
                    instant(columns[6])));
        }
        if (entries.size() <= filter.limit()) {
            return new Page(entries, null);
        }
        List<ClientEntry> shown = entries.subList(0, filter.limit());
        return new Page(List.copyOf(shown), shown.get(shown.size() - 1).email());
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
