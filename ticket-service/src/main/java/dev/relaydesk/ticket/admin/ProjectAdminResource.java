package dev.relaydesk.ticket.admin;

import dev.relaydesk.ticket.admin.AdminRequests.ClosedReplySettings;
import dev.relaydesk.ticket.admin.AdminRequests.CreateProject;
import dev.relaydesk.ticket.admin.AdminRequests.EditProject;
import dev.relaydesk.ticket.admin.AdminRequests.EditType;
import dev.relaydesk.ticket.admin.AdminRequests.NewField;
import dev.relaydesk.ticket.admin.AdminRequests.NewStage;
import dev.relaydesk.ticket.admin.AdminRequests.NewType;
import dev.relaydesk.ticket.admin.AdminRequests.RenameStage;
import dev.relaydesk.ticket.admin.AdminRequests.StageOrder;
import dev.relaydesk.ticket.admin.AdminRequests.TypeAgents;
import dev.relaydesk.ticket.admin.ProjectViews.ProjectView;
import dev.relaydesk.ticket.project.Project;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Admins configure projects: workflow stages, ticket types and who may manage them, custom fields. */
@Path("/api/admin/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Transactional
public class ProjectAdminResource {

    private final ProjectAdmin admin;
    private final SecurityIdentity identity;

    ProjectAdminResource(ProjectAdmin admin, SecurityIdentity identity) {
        this.admin = admin;
        this.identity = identity;
    }

    @GET
    public List<ProjectView> list() {
        return Project.<Project>listAll(io.quarkus.panache.common.Sort.by("key")).stream().map(ProjectView::of).toList();
    }

    @GET
    @Path("/{key}")
    public ProjectView one(@PathParam("key") String key) {
        return ProjectView.of(admin.project(key));
    }

    @POST
    @ResponseStatus(201)
    public ProjectView create(@Valid @NotNull CreateProject request) {
        return ProjectView.of(admin.create(request));
    }

    @PATCH
    @Path("/{key}")
    public ProjectView edit(@PathParam("key") String key, @Valid @NotNull EditProject request) {
        return ProjectView.of(admin.edit(key, request));
    }

    /**
     * What a client's mailed reply to one of the project's closed tickets does: reopen it within a grace period,
     * open a new ticket linked to it, or answer with the project's template. Agents' mails never reopen a ticket.
     */
    @PUT
    @Path("/{key}/closed-ticket-replies")
    @Operation(summary = "Set what a client's mailed reply to a closed ticket does",
            description = "REOPEN: within reopenGraceDays after closing the reply goes on the ticket and reopens it"
                    + " (first stage, unread); later it is handled as NEW_LINKED. NEW_LINKED: a new ticket for the"
                    + " client, linked to the closed one as its follow-up. ANSWER_WITH_TEMPLATE: the ticket stays"
                    + " closed with a private record for agents, and the client gets the project's automatic answer"
                    + " (notification-service template closed-ticket-reply). Agents' mails never reopen a ticket."
                    + " Existing projects: REOPEN within 14 days.")
    @APIResponse(responseCode = "200", description = "The project, with its new setting in closedTicketReplies")
    @APIResponse(responseCode = "400", description = "An unknown policy or a grace period outside 0..3650 days;"
            + " the errors name the field", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = "application/problem+json"))
    public ProjectView setClosedReplies(@PathParam("key") String key, @Valid @NotNull ClosedReplySettings request) {
        return ProjectView.of(admin.setClosedReplies(key, request));
    }

    @POST
    @Path("/{key}/stages")
    @ResponseStatus(201)
    public ProjectView addStage(@PathParam("key") String key, @Valid @NotNull NewStage request) {
        return ProjectView.of(admin.addStage(key, request.name(), request.position()));
    }

    @PATCH
    @Path("/{key}/stages/{stage}")
    public ProjectView renameStage(@PathParam("key") String key, @PathParam("stage") String stage,
            @Valid @NotNull RenameStage request) {
        return ProjectView.of(admin.renameStage(key, stage, request.name()));
    }

    @PUT
    @Path("/{key}/stages")
    public ProjectView reorderStages(@PathParam("key") String key, @Valid @NotNull StageOrder request) {
        return ProjectView.of(admin.reorderStages(key, request.stages()));
    }

    /** 409 while the stage holds tickets, unless {@code moveTo} names the stage they move to. */
    @DELETE
    @Path("/{key}/stages/{stage}")
    public ProjectView deleteStage(@PathParam("key") String key, @PathParam("stage") String stage,
            @QueryParam("moveTo") String moveTo) {
        return ProjectView.of(admin.deleteStage(key, stage, moveTo, identity.getPrincipal().getName()));
    }

    @POST
    @Path("/{key}/types")
    @ResponseStatus(201)
    public ProjectView addType(@PathParam("key") String key, @Valid @NotNull NewType request) {
        return ProjectView.of(admin.addType(key, request.name(), !Boolean.FALSE.equals(request.notifyAgentsOnNew())));
    }

    @PATCH
    @Path("/{key}/types/{type}")
    public ProjectView editType(@PathParam("key") String key, @PathParam("type") String type,
            @Valid @NotNull EditType request) {
        return ProjectView.of(admin.editType(key, type, request.name(), request.notifyAgentsOnNew()));
    }

    @PUT
    @Path("/{key}/types/{type}/agents")
    public ProjectView setTypeAgents(@PathParam("key") String key, @PathParam("type") String type,
            @Valid @NotNull TypeAgents request) {
        return ProjectView.of(admin.setTypeAgents(key, type, request.agents()));
    }

    @POST
    @Path("/{key}/fields")
    @ResponseStatus(201)
    public ProjectView addField(@PathParam("key") String key, @Valid @NotNull NewField request) {
        return ProjectView.of(admin.addField(key, request));
    }

    @DELETE
    @Path("/{key}/fields/{field}")
    public ProjectView deleteField(@PathParam("key") String key, @PathParam("field") String field) {
        return ProjectView.of(admin.deleteField(key, field));
    }
}
