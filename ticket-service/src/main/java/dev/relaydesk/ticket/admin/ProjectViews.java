package dev.relaydesk.ticket.admin;

import dev.relaydesk.ticket.access.TypePermissions;
import dev.relaydesk.ticket.field.CustomField;
import dev.relaydesk.ticket.project.ClosedReplyPolicy;
import dev.relaydesk.ticket.project.Project;
import dev.relaydesk.ticket.project.TicketType;
import dev.relaydesk.ticket.project.WorkflowStage;
import dev.relaydesk.ticket.ticket.Ticket;
import java.util.List;

/** A project as admins see and edit it: workflow, types with their agents, custom fields. */
public final class ProjectViews {

    private ProjectViews() {
    }

    public record ProjectView(String key, String name, String inboundAddress, boolean isDefault, String defaultType,
            List<StageView> stages, List<TypeView> types, List<FieldView> customFields,
            ClosedRepliesView closedTicketReplies) {

        static ProjectView of(Project project) {
            List<WorkflowStage> stages = WorkflowStage.ofProject(project.id);
            return new ProjectView(project.key, project.name, project.inboundAddress, project.isDefault,
                    project.defaultType == null ? null : project.defaultType.name,
                    stages.stream().map(stage -> new StageView(stage.name, stage.position,
                            stage == stages.get(stages.size() - 1), Ticket.count("stage.id", stage.id))).toList(),
                    TicketType.ofProject(project.id).stream().map(TypeView::of).toList(),
                    CustomField.ofProject(project.id).stream().map(FieldView::of).toList(),
                    new ClosedRepliesView(project.closedReplyPolicy, project.reopenGraceDays));
        }
    }

    /** What a client's mailed reply to a closed ticket does (see the PUT on closed-ticket-replies). */
    public record ClosedRepliesView(ClosedReplyPolicy policy, int reopenGraceDays) {
    }

    /** @param closing whether moving a ticket here closes it (the last stage) */
    public record StageView(String name, int position, boolean closing, long tickets) {
    }

    public record TypeView(String name, boolean notifyAgentsOnNew, List<String> agents) {

        static TypeView of(TicketType type) {
            return new TypeView(type.name, type.notifyAgentsOnNew, TypePermissions.agentsOf(type.id));
        }
    }

    public record FieldView(String key, String label, CustomField.FieldType type, boolean required,
            List<String> options) {

        static FieldView of(CustomField field) {
            return new FieldView(field.key, field.label, field.type, field.required, field.options);
        }
    }
}
