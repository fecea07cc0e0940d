package dev.relaydesk.ticket.search;

import dev.relaydesk.ticket.access.AgentAccess;
import dev.relaydesk.ticket.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ticket list: filters, PostgreSQL full-text search and keyset pagination in one SQL query over the
 * ticket ids, then the page's tickets loaded with what their summaries show. Only tickets the agent may
 * see are ever considered.
 */
@ApplicationScoped
public class TicketSearch {

    private static final Pattern TICKET_NUMBER = Pattern.compile("([A-Za-z][A-Za-z0-9]{1,9})-(\\d{1,9})");

    private final EntityManager entityManager;

    TicketSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Page(List<Ticket> tickets, Optional<Cursor> next) {
    }

    public Page find(TicketQuery query, AgentAccess access, Cursor after, int limit) {
        if (!access.seesAllTypes() && access.allowedTypes().isEmpty()) {
            return new Page(List.of(), Optional.empty());
        }
        String sortColumn = "t." + query.order().column;
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (!access.seesAllTypes()) {
            where.add("t.type_id in (:allowedTypes)");
            parameters.put("allowedTypes", access.allowedTypes());
        }
        filter(query, access, where, parameters);
        if (after != null) {
            where.add("(" + sortColumn + ", t.id) < (:afterAt, :afterId)");
            parameters.put("afterAt", OffsetDateTime.ofInstant(after.at(), java.time.ZoneOffset.UTC));
            parameters.put("afterId", after.id());
        }
        String sql = "select t.id, " + sortColumn + " from ticket t"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by " + sortColumn + " desc, t.id desc limit :limit";
        Query ids = entityManager.createNativeQuery(sql);
        parameters.forEach(ids::setParameter);
        ids.setParameter("limit", limit + 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ids.getResultList();

        boolean more = rows.size() > limit;
        List<Object[]> page = more ? rows.subList(0, limit) : rows;
        Optional<Cursor> next = more
                ? Optional.of(new Cursor(instant(page.get(page.size() - 1)[1]), (UUID) page.get(page.size() - 1)[0]))
                : Optional.empty();
        return new Page(load(page.stream().map(row -> (UUID) row[0]).toList()), next);
    }

    private static void filter(TicketQuery query, AgentAccess access, List<String> where, Map<String, Object> parameters) {
        if (present(query.project())) {
            where.add("t.project_id = (select p.id from project p where p.key = :project)");
            parameters.put("project", query.project().strip().toUpperCase(Locale.ROOT));
        }
        if (present(query.stage())) {
            where.add("t.stage_id in (select s.id from workflow_stage s where lower(s.name) = lower(:stage))");
            parameters.put("stage", query.stage().strip());
        }
        if (query.status() != null) {
            where.add("t.status = :status");
            parameters.put("status", query.status().name());
        }
        if (present(query.type())) {
            where.add("t.type_id in (select y.id from ticket_type y where lower(y.name) = lower(:type))");
            parameters.put("type", query.type().strip());
        }
        if (query.unread() != null) {
            where.add(query.unread() ? "t.unread_by_agent" : "not t.unread_by_agent");
        }
        if (present(query.clientEmail())) {
            where.add("lower(t.client_email) = :clientEmail");
            parameters.put("clientEmail", query.clientEmail().strip().toLowerCase(Locale.ROOT));
        }
        if (query.priority() != null) {
            where.add("t.priority = :priority");
            parameters.put("priority", query.priority().name());
        }
        if (present(query.assignee())) {
            String assignee = query.assignee().strip();
            if (assignee.equals(TicketQuery.NOBODY)) {
                where.add("not exists (select 1 from ticket_assignee a where a.ticket_id = t.id)");
            } else {
                where.add("exists (select 1 from ticket_assignee a where a.ticket_id = t.id and a.agent = :assignee)");
                parameters.put("assignee", assignee.equals("me") ? access.username() : assignee);
            }
        }
        if (present(query.text())) {
            Matcher number = TICKET_NUMBER.matcher(query.text().strip());
            if (number.matches()) {
                where.add("t.number = :number and t.project_id = (select p.id from project p where p.key = :numberKey)");
                parameters.put("number", Integer.parseInt(number.group(2)));
                parameters.put("numberKey", number.group(1).toUpperCase(Locale.ROOT));
            } else {
                // the ticket's fields and every note's words, in one indexed column (migration V6)
                where.add("t.text_vector @@ websearch_to_tsquery('simple', :text)");
                parameters.put("text", query.text().strip());
            }
        }
    }

    /** The tickets in the given order, with project, type, stage and assignees fetched in the same query. */
    private List<Ticket> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Ticket> tickets = entityManager.createQuery("select distinct t from Ticket t join fetch t.project"
                        + " join fetch t.type join fetch t.stage left join fetch t.assignees where t.id in :ids", Ticket.class)
                .setParameter("ids", ids)
                .getResultList();
        return tickets.stream().sorted(Comparator.comparingInt(ticket -> ids.indexOf(ticket.id))).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
