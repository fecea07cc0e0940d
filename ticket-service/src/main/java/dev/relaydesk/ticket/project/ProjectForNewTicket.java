package dev.relaydesk.ticket.project;

import dev.relaydesk.ticket.field.CustomFieldValues;
import dev.relaydesk.web.InvalidFieldException;
import java.util.List;
import java.util.Map;

/**
 * A project as opening a ticket reads it, in one query instead of three: with its default type, the first stage of
 * its workflow (where new tickets start) and whether it defines custom fields at all (most projects do not, and
 * then their definitions need no query).
 */
public record ProjectForNewTicket(Project project, WorkflowStage firstStage, boolean hasCustomFields) {

    private static final String SELECT = """
            select p, s, (select count(f) from CustomField f where f.projectId = p.id)
            from Project p left join fetch p.defaultType, WorkflowStage s
            where s.projectId = p.id and %s
            order by s.position""";
    private static final String DEFAULT = SELECT.formatted("p.isDefault = true");
    private static final String BY_KEY = SELECT.formatted("p.key = :key");

    /** The project a request names (null means the default one); an unknown key is a 400 on {@code project}. */
    public static ProjectForNewTicket chosen(String key) {
        var query = Project.getEntityManager().createQuery(key == null ? DEFAULT : BY_KEY, Object[].class);
        if (key != null) {
            query.setParameter("key", key.strip());
        }
        List<Object[]> rows = query.setMaxResults(1).getResultList();
        if (rows.isEmpty()) {
            if (key == null) {
                throw new IllegalStateException("No default project (with workflow stages) is configured");
            }
            throw new InvalidFieldException("project", "There is no project \"" + key + "\"");
        }
        Object[] row = rows.get(0);
        return new ProjectForNewTicket((Project) row[0], (WorkflowStage) row[1], ((Number) row[2]).longValue() > 0);
    }

    /**
     * The custom-field values a person gave for the new ticket, checked (400 naming the field at fault). A project
     * without custom fields takes none and requires none, so its definitions need not be read.
     */
    public Map<String, Object> newTicketFields(Map<String, Object> given) {
        boolean nothingToCheck = !hasCustomFields && (given == null || given.isEmpty());
        return nothingToCheck ? Map.of() : CustomFieldValues.apply(project.id, Map.of(), given, true);
    }
}
