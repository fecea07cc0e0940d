package dev.relaydesk.ticket.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A board column of a project's workflow; the last one means closed. */
@Entity
@Table(name = "workflow_stage")
public class WorkflowStage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int position;

    public static WorkflowStage first(UUID projectId) {
        return find("projectId = ?1 order by position", projectId).<WorkflowStage>firstResultOptional()
                .orElseThrow(() -> new IllegalStateException("Project " + projectId + " has no workflow stages"));
    }

    /** The closing stage of a project's workflow. */
    public static WorkflowStage last(UUID projectId) {
        return find("projectId = ?1 order by position desc", projectId).<WorkflowStage>firstResultOptional()
                .orElseThrow(() -> new IllegalStateException("Project " + projectId + " has no workflow stages"));
    }

    public static java.util.List<WorkflowStage> ofProject(UUID projectId) {
        return list("projectId = ?1 order by position", projectId);
    }

    public static java.util.Optional<WorkflowStage> byName(UUID projectId, String name) {
        return find("projectId = ?1 and lower(name) = lower(?2)", projectId, name.strip()).firstResultOptional();
    }

    /** The last stage of a workflow means closed. */
    public boolean isLast() {
        return count("projectId = ?1 and position > ?2", projectId, position) == 0;
    }
}
