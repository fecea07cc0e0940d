package dev.relaydesk.ticket.admin;

import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.ticket.admin.AdminRequests.ClosedReplySettings;
import dev.relaydesk.ticket.admin.AdminRequests.CreateProject;
import dev.relaydesk.ticket.admin.AdminRequests.EditProject;
import dev.relaydesk.ticket.admin.AdminRequests.NewField;
import dev.relaydesk.web.InvalidFieldException;
import dev.relaydesk.ticket.field.CustomField;
import dev.relaydesk.ticket.project.Project;
import dev.relaydesk.ticket.project.TicketType;
import dev.relaydesk.ticket.project.WorkflowStage;
import dev.relaydesk.ticket.ticket.Ticket;
import dev.relaydesk.ticket.ticket.TicketService;
import dev.relaydesk.web.ConflictException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Projects, their workflow, types and custom fields. The workflow keeps its meaning: the last stage is the
 * closing one, so it can be renamed but not moved, removed or put behind another stage, and a stage that
 * holds tickets is only removed by moving them elsewhere (each move is a normal, published stage change).
 */
@ApplicationScoped
@Transactional
public class ProjectAdmin {

    private static final List<String> DEFAULT_STAGES = List.of("New", "In progress", "Closed");

    private final TicketService tickets;

    ProjectAdmin(TicketService tickets) {
        this.tickets = tickets;
    }

    public Project project(String key) {
        return Project.byKey(key.toUpperCase(Locale.ROOT)).orElseThrow(() -> new NotFoundException("No project " + key));
    }

    public Project create(CreateProject request) {
        if (Project.byKey(request.key()).isPresent()) {
            throw new ConflictException("A project with key " + request.key() + " exists already");
        }
        String address = request.inboundAddress().strip().toLowerCase(Locale.ROOT);
        requireFreeAddress(address);
        List<String> stages = request.stages() == null ? DEFAULT_STAGES : request.stages().stream().map(String::strip).toList();
        if (new LinkedHashSet<>(stages.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()).size() != stages.size()) {
            throw new InvalidFieldException("stages", "Stage names must differ");
        }
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.key = request.key();
        project.name = request.name().strip();
        project.inboundAddress = address;
        project.persist();
        project.createNumberSequence();
        for (int i = 0; i < stages.size(); i++) {
            newStage(project.id, stages.get(i), i);
        }
        project.defaultType = newType(project.id, request.defaultType() == null ? "General" : request.defaultType().strip(), true);
        return project;
    }

    public Project edit(String key, EditProject request) {
        Project project = project(key);
        if (request.name() != null) {
            project.name = request.name().strip();
        }
        if (request.inboundAddress() != null) {
            String address = request.inboundAddress().strip().toLowerCase(Locale.ROOT);
            if (!address.equals(project.inboundAddress)) {
                requireFreeAddress(address);
                project.inboundAddress = address;
            }
        }
        if (request.defaultType() != null) {
            project.defaultType = type(project, request.defaultType());
        }
        return project;
    }

    /** Sets what clients' replies to the project's closed tickets do; tickets closed already follow it too. */
    public Project setClosedReplies(String key, ClosedReplySettings request) {
        Project project = project(key);
        project.closedReplyPolicy = request.policy();
        if (request.reopenGraceDays() != null) {
            project.reopenGraceDays = request.reopenGraceDays();
        }
        return project;
    }

    public Project addStage(String key, String name, Integer position) {
        Project project = project(key);
        List<WorkflowStage> stages = new ArrayList<>(WorkflowStage.ofProject(project.id));
        requireNewStageName(stages, name);
        int closing = stages.size() - 1;
        int at = position == null ? closing : position;
        if (at > closing) {
            throw new InvalidFieldException("position", "The last stage is the closing one; add stages before it (position "
                    + closing + " or lower)");
        }
        WorkflowStage stage = newStage(project.id, name.strip(), -1);
        stages.add(at, stage);
        renumber(stages);
        return project;
    }

    public Project renameStage(String key, String stageName, String newName) {
        Project project = project(key);
        WorkflowStage stage = stage(project, stageName);
        if (!stage.name.equalsIgnoreCase(newName.strip())) {
            requireNewStageName(WorkflowStage.ofProject(project.id), newName);
        }
        stage.name = newName.strip();
        return project;
    }

    public Project reorderStages(String key, List<String> names) {
        Project project = project(key);
        List<WorkflowStage> current = WorkflowStage.ofProject(project.id);
        List<WorkflowStage> ordered = names.stream().map(name -> stage(project, name)).distinct().toList();
        if (ordered.size() != names.size() || ordered.size() != current.size()) {
            throw new InvalidFieldException("stages", "List every stage of " + project.key + " exactly once: "
                    + current.stream().map(s -> s.name).toList());
        }
        if (ordered.get(ordered.size() - 1) != current.get(current.size() - 1)) {
            throw new InvalidFieldException("stages", "\"" + current.get(current.size() - 1).name
                    + "\" closes tickets and must stay last");
        }
        renumber(ordered);
        return project;
    }

    /**
     * Removes a stage; its tickets, if any, first move to {@code moveTo} (each move published like an
     * agent's). Without {@code moveTo} a stage with tickets is a conflict.
     */
    public Project deleteStage(String key, String stageName, String moveTo, String actor) {
        Project project = project(key);
        List<WorkflowStage> stages = new ArrayList<>(WorkflowStage.ofProject(project.id));
        WorkflowStage stage = stage(project, stageName);
        if (stage == stages.get(stages.size() - 1)) {
            throw new ConflictException("\"" + stage.name + "\" is the closing stage; rename it instead of removing it");
        }
        if (stages.size() <= 2) {
            throw new ConflictException("A workflow needs at least an open and a closing stage");
        }
        List<Ticket> inStage = Ticket.list("stage.id", stage.id);
        if (!inStage.isEmpty()) {
            if (moveTo == null || moveTo.isBlank()) {
                throw new ConflictException("Stage \"" + stage.name + "\" holds " + inStage.size()
                        + " ticket(s); say where they go with ?moveTo=<stage>");
            }
            WorkflowStage target = stage(project, moveTo);
            if (target == stage) {
                throw new InvalidFieldException("moveTo", "Tickets must move to another stage");
            }
            inStage.forEach(ticket -> tickets.moveToStage(ticket, target, ticket.version, NoteAuthor.AGENT, actor));
        }
        stages.remove(stage);
        stage.delete();
        Panache.getEntityManager().flush();
        renumber(stages);
        return project;
    }

    public Project addType(String key, String name, boolean notifyAgentsOnNew) {
        Project project = project(key);
        if (TicketType.byName(project.id, name).isPresent()) {
            throw new ConflictException("Project " + project.key + " has a type \"" + name.strip() + "\" already");
        }
        newType(project.id, name.strip(), notifyAgentsOnNew);
        return project;
    }

    public Project editType(String key, String typeName, String newName, Boolean notifyAgentsOnNew) {
        Project project = project(key);
        TicketType type = type(project, typeName);
        if (newName != null && !newName.strip().equalsIgnoreCase(type.name)) {
            if (TicketType.byName(project.id, newName).isPresent()) {
                throw new ConflictException("Project " + project.key + " has a type \"" + newName.strip() + "\" already");
            }
            type.name = newName.strip();
        } else if (newName != null) {
            type.name = newName.strip();
        }
        if (notifyAgentsOnNew != null) {
            type.notifyAgentsOnNew = notifyAgentsOnNew;
        }
        return project;
    }

    /** Replaces who may manage the type; takes effect on the agents' next request. */
    public Project setTypeAgents(String key, String typeName, List<String> agents) {
        Project project = project(key);
        TicketType type = type(project, typeName);
        var em = Panache.getEntityManager();
        em.createNativeQuery("delete from ticket_type_agent where type_id = :type").setParameter("type", type.id).executeUpdate();
        for (String agent : new LinkedHashSet<>(agents.stream().map(String::strip).toList())) {
            em.createNativeQuery("insert into ticket_type_agent (type_id, agent) values (:type, :agent)")
                    .setParameter("type", type.id).setParameter("agent", agent).executeUpdate();
        }
        return project;
    }

    public Project addField(String key, NewField request) {
        Project project = project(key);
        if (CustomField.count("projectId = ?1 and key = ?2", project.id, request.key()) > 0) {
            throw new ConflictException("Project " + project.key + " has a field \"" + request.key() + "\" already");
        }
        List<String> options = request.options() == null ? List.of() : request.options().stream().map(String::strip).toList();
        if (request.type() == CustomField.FieldType.SELECT && options.isEmpty()) {
            throw new InvalidFieldException("options", "A select field needs its options");
        }
        CustomField field = new CustomField();
        field.id = UUID.randomUUID();
        field.projectId = project.id;
        field.key = request.key();
        field.label = request.label().strip();
        field.type = request.type();
        field.required = Boolean.TRUE.equals(request.required());
        field.options = new ArrayList<>(options);
        field.position = (int) CustomField.count("projectId", project.id);
        field.persist();
        return project;
    }

    /** Removes the definition; values already on tickets stay in their history. */
    public Project deleteField(String key, String fieldKey) {
        Project project = project(key);
        if (CustomField.delete("projectId = ?1 and key = ?2", project.id, fieldKey) == 0) {
            throw new NotFoundException("Project " + project.key + " has no field " + fieldKey);
        }
        return project;
    }

    private static WorkflowStage stage(Project project, String name) {
        return WorkflowStage.byName(project.id, name)
                .orElseThrow(() -> new NotFoundException("Project " + project.key + " has no stage \"" + name + "\""));
    }

    private static TicketType type(Project project, String name) {
        return TicketType.byName(project.id, name)
                .orElseThrow(() -> new InvalidFieldException("type", "Project " + project.key + " has no type \"" + name + "\""));
    }

    private static void requireFreeAddress(String address) {
        if (Project.count("lower(inboundAddress)", address) > 0) {
            throw new ConflictException("Another project receives mail at " + address);
        }
    }

    private static void requireNewStageName(List<WorkflowStage> stages, String name) {
        if (stages.stream().anyMatch(stage -> stage.name.equalsIgnoreCase(name.strip()))) {
            throw new ConflictException("The workflow has a stage \"" + name.strip() + "\" already");
        }
    }

    private static WorkflowStage newStage(UUID projectId, String name, int position) {
        WorkflowStage stage = new WorkflowStage();
        stage.id = UUID.randomUUID();
        stage.projectId = projectId;
        stage.name = name;
        stage.position = position;
        stage.persist();
        return stage;
    }

    private static TicketType newType(UUID projectId, String name, boolean notifyAgentsOnNew) {
        TicketType type = new TicketType();
        type.id = UUID.randomUUID();
        type.projectId = projectId;
        type.name = name;
        type.notifyAgentsOnNew = notifyAgentsOnNew;
        type.persist();
        return type;
    }

    /** Positions 0..n-1 in the given order, in two passes so the unique (project, position) never clashes. */
    private static void renumber(List<WorkflowStage> ordered) {
        var em = Panache.getEntityManager();
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).position = -1000 - i;
        }
        em.flush();
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).position = i;
        }
        em.flush();
    }
}
