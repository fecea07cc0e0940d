package dev.relaydesk.portal.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A project's name as its ticket events carry it: the portal knows projects by key only. */
@Entity
@Table(name = "portal_project")
public class PortalProject extends PanacheEntityBase {

    @Id
    @Column(name = "project_key")
    public String projectKey;

    @Column(nullable = false)
    public String name;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Keeps the name an event carries (events without one, or with an empty key, change nothing). */
    static void named(String projectKey, String name, Instant at) {
        if (projectKey == null || projectKey.isBlank() || name == null || name.isBlank()) {
            return;
        }
        getEntityManager().createNativeQuery("insert into portal_project (project_key, name, updated_at)"
                        + " values (:key, :name, :at) on conflict (project_key) do update"
                        + " set name = excluded.name, updated_at = excluded.updated_at"
                        + " where portal_project.name <> excluded.name")
                .setParameter("key", projectKey)
                .setParameter("name", name)
                .setParameter("at", at == null ? Instant.now() : at)
                .executeUpdate();
    }

    /** The names of these projects, by key; a project no event has named yet is left out. */
    public static Map<String, String> namesOf(Collection<String> projectKeys) {
        if (projectKeys.isEmpty()) {
            return Map.of();
        }
        List<PortalProject> projects = list("projectKey in ?1", projectKeys);
        return projects.stream().collect(Collectors.toMap(p -> p.projectKey, p -> p.name, (a, b) -> a));
    }
}
