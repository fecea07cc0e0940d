package dev.relaydesk.portal.page;

import dev.relaydesk.portal.profile.Branding;
import dev.relaydesk.events.TicketStatus;
import dev.relaydesk.portal.action.FormTokens;
import dev.relaydesk.portal.action.TicketCommands;
import dev.relaydesk.portal.action.TicketCommands.ClientAction;
import dev.relaydesk.portal.action.TicketCommands.ClientNote;
import dev.relaydesk.portal.feedback.FeedbackService;
import dev.relaydesk.portal.form.TicketIntake;
import dev.relaydesk.portal.organization.VisibleTickets;
import dev.relaydesk.portal.follow.ProjectFollowing;
import dev.relaydesk.portal.ticket.PortalProject;
import dev.relaydesk.portal.form.TicketIntake.ClientTicket;
import dev.relaydesk.portal.form.TicketIntake.OpenedTicket;
import dev.relaydesk.portal.form.TicketIntake.Project;
import dev.relaydesk.portal.form.TicketIntake.ProjectField;
import dev.relaydesk.portal.form.TicketTypeField;
import dev.relaydesk.portal.field.CustomFieldForm;
import dev.relaydesk.portal.field.FieldInput;
import dev.relaydesk.portal.field.FieldInputs;
import dev.relaydesk.portal.field.SuggestedFields;
import dev.relaydesk.portal.profile.PortalProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import dev.relaydesk.portal.page.TicketPage.TicketView;
import dev.relaydesk.portal.ticket.PortalNote;
import dev.relaydesk.portal.ticket.PortalTicket;
import io.quarkus.oidc.IdToken;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A registered client's own pages, after a Keycloak login (tenant "clients", role client): all tickets of their
 * email in an Open and a Closed tab, each ticket as its link page shows it, and a form for a new ticket. A ticket of
 * another email is not found, whatever its id.
 */
@Path("/my")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("client")
@Blocking
public class MyTicketsPage {

    private static final Logger LOG = Logger.getLogger(MyTicketsPage.class);
    private static final Pattern PROJECT_KEY_SHAPE = Pattern.compile("[A-Za-z][A-Za-z0-9]{1,9}");
    /** The followed tab lists the newest tickets first, this many at most. */
    private static final int MAX_FOLLOWED_ROWS = 200;
    private static final Map<String, String> FOLLOW_FLASHES = Map.of(
            "followed", "You follow the project now: its tickets are listed here.",
            "unfollowed", "You no longer follow that project.",
            "expired", "That page had expired, so nothing changed. Please try again.");
    private static final Pattern NUMBER_SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 20_000;
    private static final int MAX_COMMENT = 20_000;
    private static final Map<String, String> FLASHES = Map.of(
            "comment", "Your comment was sent. It appears below in a moment.",
            "close", "Your ticket is being closed.",
            "reopen", "Your ticket is being reopened.",
            "feedback", "Thank you for your feedback.");

    /**
     * One line of the list; {@code openedBy} names the colleague whose ticket it is, null for the client's own (and
     * for a followed project's, whose client stays unnamed); {@code status} is shown in the followed tab only.
     */
    public record Row(String path, String number, String title, Instant updatedAt, String openedBy, String status) {

        public String updatedOn() {
            return updatedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        }
    }

    /**
     * @param tab      open, closed or followed
     * @param projects the projects the client may follow, each with a follow or unfollow button
     */
    public record ListView(String name, String email, String tab, List<Row> rows, long openCount,
            long closedCount, long followedCount, List<ProjectFollowing.FollowableProject> projects, String csrf,
            String flash) {

        public boolean closedTab() {
            return tab.equals("closed");
        }

        public boolean followedTab() {
            return tab.equals("followed");
        }

        /** The followed tab shows once the client follows a project (or is looking at it). */
        public boolean showsFollowedTab() {
            return followedTab() || projects.stream().anyMatch(ProjectFollowing.FollowableProject::following);
        }
    }

    /** @param customFields the default project's fields the profile marks visible or the custom-fields provider names */
    public record NewTicketView(String title, String description, String csrf, String requestId, String error,
            int maxTitle, int maxDescription, List<FieldInput> customFields, List<String> customFieldErrors) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tickets(ListView view);

        static native TemplateInstance newTicket(NewTicketView view);

        static native TemplateInstance notYours();

        static native TemplateInstance colleagueTicket(PortalTicket ticket, boolean open, List<PortalNote> notes);

        static native TemplateInstance followedTicket(PortalTicket ticket, boolean open, List<PortalNote> notes,
                String projectName);
    }

    private final SecurityIdentity identity;
    /** The ID token of the login: who the client is (their verified email and name). */
    @Inject
    @IdToken
    JsonWebToken idToken;
    private final FormTokens formTokens;
    private final TicketCommands commands;
    private final TicketIntake intake;
    private final FeedbackService feedbacks;
    @Inject
    VisibleTickets visible;
    @Inject
    ProjectFollowing following;

    /** The page's project look (logo, welcome text, details shown); see PortalProfile. */
    @Inject
    Branding branding;

    /** The "add ticket" form's custom fields; the custom-fields provider's extra fields and values for this client. */
    @Inject
    CustomFieldForm customFields;
    @Inject
    SuggestedFields suggestedFields;
    /** The "add ticket" form's type of request: the default project's types its profile allows. */
    @Inject
    TicketTypeField ticketType;
    @Inject
    ObjectMapper json;

    MyTicketsPage(SecurityIdentity identity, FormTokens formTokens,
            @RestClient TicketCommands commands, @RestClient TicketIntake intake, FeedbackService feedbacks) {
        this.identity = identity;
        this.formTokens = formTokens;
        this.commands = commands;
        this.intake = intake;
        this.feedbacks = feedbacks;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/my/tickets")).build();
    }

    @GET
    @Path("/tickets")
    public Response tickets(@QueryParam("tab") String tab, @QueryParam("opened") String opened,
            @QueryParam("sent") String sent) {
        String email = email();
        String shownTab = "closed".equals(tab) || "followed".equals(tab) ? tab : "open";
        VisibleTickets.Scope scope = visible.of(email);
        FollowedScope followed = followedScope(scope, email);
        List<Row> rows;
        if (shownTab.equals("followed")) {
            rows = followed.projects().isEmpty() ? List.of() : PortalTicket.<PortalTicket>find(followed.condition()
                            + " order by updatedAt desc", followed.parameters()).range(0, MAX_FOLLOWED_ROWS - 1)
                    .list().stream().map(t -> new Row("/my/tickets/" + t.ticketId, t.number, t.title, t.updatedAt, null,
                            t.status == TicketStatus.OPEN ? "Open" : "Closed"))
                    .toList();
        } else {
            Map<String, Object> parameters = new HashMap<>(scope.parameters());
            parameters.put("status", shownTab.equals("closed") ? TicketStatus.CLOSED : TicketStatus.OPEN);
            rows = PortalTicket.<PortalTicket>list(scope.condition() + " and description is not null"
                            + " and status = :status order by updatedAt desc", parameters)
                    .stream().map(t -> new Row("/my/tickets/" + t.ticketId, t.number, t.title, t.updatedAt,
                            visible.isOwn(t, email) ? null : Optional.ofNullable(t.clientName).orElse(t.clientEmail),
                            null))
                    .toList();
        }
        long open = count(scope, TicketStatus.OPEN);
        long closedCount = count(scope, TicketStatus.CLOSED);
        long followedCount = followed.projects().isEmpty() ? 0
                : PortalTicket.count(followed.condition(), followed.parameters());
        String flash = opened != null && NUMBER_SHAPE.matcher(opened).matches()
                ? "Your ticket " + opened + " was opened. It appears in the list in a moment."
                : sent == null ? null : FOLLOW_FLASHES.get(sent);
        Response.ResponseBuilder page = Response.ok(Templates.tickets(new ListView(name(), email, shownTab, rows, open,
                closedCount, followedCount, following.projectsFor(email), formTokens.issueForClient(email), flash)));
        // the new ticket travels through ticket events before it is listed: look again shortly
        return (flash == null ? page : page.header("Refresh", "2; url=/my/tickets")).build();
    }

    /**
     * The "add ticket" form, with the custom fields the profile marks visible and those the custom-fields provider
     * names for this client, pre-filled with its values. Neither ticket-service nor the provider being slow or
     * down keeps the form from showing: it then comes without them.
     */
    @GET
    @Path("/tickets/new")
    public TemplateInstance newTicket() {
        NewTicketFields fields = newTicketFields();
        customFields.show(fields.shown(), fields.prefilled());
        showTypes(fields.project());
        return Templates.newTicket(newTicketView("", "", null));
    }

    /** A new ticket on the client's behalf in the default project, as if they had sent the web form. */
    @POST
    @Path("/tickets")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@RestForm String title, @RestForm String description, @RestForm String requestId,
            @RestForm String csrf, @RestForm String type) {
        String email = email();
        NewTicketFields fields = newTicketFields();
        customFields.showPosted(fields.shown());
        showTypes(fields.project());
        if (!formTokens.isValidForClient(email, csrf)) {
            return Response.status(Response.Status.FORBIDDEN).entity(Templates.newTicket(newTicketView(title,
                    description, "This form had expired. Please check it and send it again."))).build();
        }
        String subject = title == null ? "" : title.strip();
        String text = description == null ? "" : description.strip();
        if (subject.isEmpty() || subject.length() > MAX_TITLE) {
            return Response.status(400).entity(Templates.newTicket(newTicketView(title, description,
                    "Enter a subject of at most " + MAX_TITLE + " characters."))).build();
        }
        if (text.isEmpty() || text.length() > MAX_DESCRIPTION) {
            return Response.status(400).entity(Templates.newTicket(newTicketView(title, description,
                    "Describe what you need in at most " + MAX_DESCRIPTION + " characters."))).build();
        }
        if (fields.project() == null && type != null && !type.isBlank()) {
            // without the project, the profile's types cannot be checked: nothing is opened with an unchecked type
            return Response.status(503).entity(Templates.newTicket(newTicketView(title, description,
                    "We could not open your ticket right now. Please try again in a moment."))).build();
        }
        TicketTypeField.Choice chosenType = ticketType.choose(type);
        if (chosenType.error() != null) {
            return Response.status(400).entity(Templates.newTicket(newTicketView(title, description,
                    "Please choose another type of request."))).build();
        }
        try {
            OpenedTicket opened = intake.open(new ClientTicket(requestIdOf(requestId), "PORTAL", email, name(), null,
                    subject, description, customFields.toSend(), null, chosenType.type()));
            return Response.seeOther(URI.create("/my/tickets?opened=" + opened.number())).build();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 400 || e.getResponse().getStatus() == 422) {
                return Response.status(e.getResponse().getStatus()).entity(Templates.newTicket(newTicketView(title,
                        description, refusal(e)))).build();
            }
            LOG.warnf("A logged-in client's ticket could not be opened: %s", e.getMessage());
            return Response.status(503).entity(Templates.newTicket(newTicketView(title, description,
                    "We could not open your ticket right now. Please try again in a moment."))).build();
        } catch (RuntimeException e) {
            LOG.warnf("A logged-in client's ticket could not be opened: %s", e.getMessage());
            return Response.status(503).entity(Templates.newTicket(newTicketView(title, description,
                    "We could not open your ticket right now. Please try again in a moment."))).build();
        }
    }

    /** Follows or unfollows a project whose profile allows following, from the list's "Projects to follow". */
    @POST
    @Path("/projects/{key}/{action: follow|unfollow}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response follow(@PathParam("key") String key, @PathParam("action") String action, @RestForm String csrf) {
        String email = email();
        if (!formTokens.isValidForClient(email, csrf)) {
            return Response.seeOther(URI.create("/my/tickets?sent=expired")).build();
        }
        if (!PROJECT_KEY_SHAPE.matcher(key).matches()) {
            return notYours();
        }
        if (action.equals("unfollow")) {
            following.unfollow(email, key);
            return Response.seeOther(URI.create("/my/tickets?sent=unfollowed")).build();
        }
        if (!following.follow(email, key)) {
            return notYours(); // a project whose profile does not allow following is not offered
        }
        return Response.seeOther(URI.create("/my/tickets?tab=followed&sent=followed")).build();
    }

    @GET
    @Path("/tickets/{id}")
    public Response ticket(@PathParam("id") String id, @QueryParam("sent") String sent) {
        Optional<PortalTicket> ticket = own(id);
        if (ticket.isEmpty()) {
            return colleagues(id).map(t -> {
                branding.use(t.projectKey);
                return Response.ok(Templates.colleagueTicket(t, t.status == TicketStatus.OPEN,
                        PortalNote.conversation(t.ticketId))).build();
            }).or(() -> followed(id).map(t -> {
                branding.use(t.projectKey);
                return Response.ok(Templates.followedTicket(t, t.status == TicketStatus.OPEN,
                        PortalNote.conversation(t.ticketId),
                        PortalProject.namesOf(List.of(t.projectKey)).getOrDefault(t.projectKey, t.projectKey))).build();
            })).orElseGet(MyTicketsPage::notYours);
        }
        String flash = sent == null ? null : FLASHES.get(sent);
        Response.ResponseBuilder page = Response.ok(render(ticket.get(), flash, null, null));
        return (flash == null ? page : page.header("Refresh", "2; url=/my/tickets/" + ticket.get().ticketId)).build();
    }

    @POST
    @Path("/tickets/{id}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response comment(@PathParam("id") String id, @RestForm String body, @RestForm String requestId,
            @RestForm String csrf) {
        String text = body == null ? "" : body.strip();
        Optional<PortalTicket> ticket = own(id);
        if (ticket.isPresent() && (text.isEmpty() || text.length() > MAX_COMMENT)) {
            return Response.status(400).entity(render(ticket.get(), null,
                    "Write a comment of at most " + MAX_COMMENT + " characters.", body)).build();
        }
        return act(ticket, csrf, "comment", body, t -> commands.comment(t.ticketId,
                new ClientNote(requestIdOf(requestId), email(), text)));
    }

    @POST
    @Path("/tickets/{id}/{action: close|reopen}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeState(@PathParam("id") String id, @PathParam("action") String action,
            @RestForm String requestId, @RestForm String csrf) {
        return act(own(id), csrf, action, null, t -> {
            ClientAction command = new ClientAction(requestIdOf(requestId), email());
            if (action.equals("close")) {
                commands.close(t.ticketId, command);
            } else {
                commands.reopen(t.ticketId, command);
            }
        });
    }

    /** A rating of 1 to 5 and an optional comment, once, on a closed ticket (as on the link page). */
    @POST
    @Path("/tickets/{id}/feedback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response feedback(@PathParam("id") String id, @RestForm String rating, @RestForm String comment,
            @RestForm String csrf) {
        Optional<PortalTicket> ticket = own(id);
        if (ticket.isEmpty()) {
            return notYours();
        }
        if (!formTokens.isValidForClient(email(), csrf)) {
            return Response.status(Response.Status.FORBIDDEN).entity(render(ticket.get(), null,
                    "This form had expired. Please try again.", null)).build();
        }
        if (ticket.get().status == TicketStatus.OPEN) {
            return Response.status(409).entity(render(ticket.get(), null,
                    "Feedback can be given once the ticket is closed.", null)).build();
        }
        int stars = TicketPage.ratingOf(rating);
        if (stars == 0) {
            return Response.status(400).entity(render(ticket.get(), null, "Choose a rating from 1 to 5 stars.", null))
                    .build();
        }
        if (comment != null && comment.length() > FeedbackService.MAX_COMMENT) {
            return Response.status(400).entity(render(ticket.get(), null, "Keep your feedback comment to at most "
                    + FeedbackService.MAX_COMMENT + " characters.", null)).build();
        }
        try {
            feedbacks.leaveAsClient(ticket.get().ticketId, email(), stars, comment);
        } catch (FeedbackService.AlreadyGivenException e) {
            return Response.status(409).entity(render(ticket.get(), null,
                    "You already gave feedback on this ticket. Thank you!", null)).build();
        }
        return Response.seeOther(URI.create("/my/tickets/" + ticket.get().ticketId + "?sent=feedback")).build();
    }

    private Response act(Optional<PortalTicket> ticket, String csrf, String what, String draft,
            Consumer<PortalTicket> command) {
        if (ticket.isEmpty()) {
            return notYours();
        }
        if (!formTokens.isValidForClient(email(), csrf)) {
            return Response.status(Response.Status.FORBIDDEN).entity(render(ticket.get(), null,
                    "This form had expired. Please try again.", draft)).build();
        }
        try {
            command.accept(ticket.get());
        } catch (RuntimeException e) {
            LOG.warnf("Client %s of ticket %s could not be carried out: %s", what, ticket.get().ticketId, e.getMessage());
            return Response.status(503).entity(render(ticket.get(), null,
                    "We could not do that right now. Please try again in a moment.", draft)).build();
        }
        return Response.seeOther(URI.create("/my/tickets/" + ticket.get().ticketId + "?sent=" + what)).build();
    }

    /** The ticket when it belongs to the logged-in client's email; never another's. Every action goes through it. */
    private Optional<PortalTicket> own(String id) {
        return ready(id).filter(ticket -> visible.isOwn(ticket, email()));
    }

    /** Another member's ticket of the client's organization, where the project's profile shares it: read only. */
    private Optional<PortalTicket> colleagues(String id) {
        return ready(id).filter(ticket -> visible.isColleagues(ticket, email()));
    }

    /** A ticket of a project the client follows, where its profile allows following: read only, its client unnamed. */
    private Optional<PortalTicket> followed(String id) {
        return ready(id).filter(ticket -> following.readsAsFollower(ticket, email()));
    }

    /** The tickets of the projects the client follows, less those the other tabs list (their own, colleagues'). */
    private record FollowedScope(List<String> projects, String condition, Map<String, Object> parameters) {
    }

    private FollowedScope followedScope(VisibleTickets.Scope scope, String email) {
        List<String> projects = following.followedBy(email);
        Map<String, Object> parameters = new HashMap<>(scope.parameters());
        parameters.put("followed", projects);
        return new FollowedScope(projects, "projectKey in :followed and description is not null and not "
                + scope.condition(), parameters);
    }

    private static Optional<PortalTicket> ready(String id) {
        UUID ticketId;
        try {
            ticketId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        PortalTicket ticket = PortalTicket.findById(ticketId);
        return ticket != null && ticket.isReady() ? Optional.of(ticket) : Optional.empty();
    }

    private TemplateInstance render(PortalTicket ticket, String flash, String error, String draft) {
        branding.use(ticket.projectKey);
        return TicketPage.Templates.ticket(new TicketView(ticket, ticket.status == TicketStatus.OPEN,
                PortalNote.conversation(ticket.ticketId), "/my/tickets/" + ticket.ticketId,
                formTokens.issueForClient(email()), UUID.randomUUID().toString(), UUID.randomUUID().toString(), flash,
                error, draft, feedbacks.of(ticket.ticketId).orElse(null), null, true, false));
    }

    private NewTicketView newTicketView(String title, String description, String error) {
        return new NewTicketView(title == null ? "" : title, description == null ? "" : description,
                formTokens.issueForClient(email()), UUID.randomUUID().toString(), error, MAX_TITLE, MAX_DESCRIPTION,
                customFields.inputs(), customFields.otherErrors());
    }

    /** The custom fields of the "add ticket" form, and the provider's values for them (by key). */
    private record NewTicketFields(List<ProjectField> shown, Map<String, String> prefilled, Project project) {
    }

    private void showTypes(Project project) {
        if (project != null) {
            ticketType.show(project.key(), project.types(), project.defaultType());
        }
    }

    /**
     * The default project's fields that its profile marks visible or the custom-fields provider names for this
     * client (fields the project does not define are left out: ticket-service would refuse them).
     */
    private NewTicketFields newTicketFields() {
        Project project;
        try {
            project = intake.defaultProject();
        } catch (RuntimeException e) {
            LOG.warnf("The default project's custom fields are unknown (%s); the form shows without them",
                    e.getClass().getSimpleName());
            return new NewTicketFields(List.of(), Map.of(), null);
        }
        if (project.customFields().isEmpty()) {
            return new NewTicketFields(List.of(), Map.of(), project);
        }
        Map<String, String> suggested = suggestedFields.forClient(email(), name(), project.key());
        Set<String> shown = new LinkedHashSet<>(PortalProfile.visibleCustomFieldsOf(project.key()));
        shown.addAll(suggested.keySet());
        Map<String, String> prefilled = new HashMap<>();
        suggested.forEach((key, value) -> {
            if (value != null) {
                prefilled.put(key, value);
            }
        });
        return new NewTicketFields(FieldInputs.shown(project.customFields(), shown), prefilled, project);
    }

    /** ticket-service's reason for refusing the ticket: a custom field (shown next to it) or the screening's words. */
    private String refusal(WebApplicationException e) {
        try {
            JsonNode problem = json.readTree(e.getResponse().readEntity(String.class));
            for (JsonNode error : problem.path("errors")) {
                String key = FieldInputs.keyOf(error.path("field").asText(""));
                if (key != null) {
                    customFields.refused(key, error.path("message").asText("This value was refused."));
                }
            }
            if (customFields.anyRefused()) {
                return "Please correct the fields marked below.";
            }
            String detail = problem.path("detail").asText("");
            return detail.isBlank() ? "Your ticket could not be accepted." : detail;
        } catch (Exception unreadable) {
            return "Your ticket could not be accepted.";
        }
    }

    private static long count(VisibleTickets.Scope scope, TicketStatus status) {
        Map<String, Object> parameters = new HashMap<>(scope.parameters());
        parameters.put("status", status);
        return PortalTicket.count(scope.condition() + " and description is not null and status = :status", parameters);
    }

    /**
     * The logged-in client's email, as Keycloak verified it. An account whose email is not verified sees nothing:
     * the email is what ties tickets to the account.
     */
    private String email() {
        String email = idToken.getClaim("email");
        Object verified = idToken.getClaim("email_verified");
        if (email == null || email.isBlank() || !(Boolean.TRUE.equals(verified) || "true".equals(String.valueOf(verified)))) {
            throw new ForbiddenException("no verified email");
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private String name() {
        String name = idToken.getClaim("name");
        return name == null || name.isBlank() ? identity.getPrincipal().getName() : name;
    }

    private static UUID requestIdOf(String requestId) {
        try {
            return UUID.fromString(requestId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return UUID.randomUUID();
        }
    }

    private static Response notYours() {
        return Response.status(Response.Status.NOT_FOUND).entity(Templates.notYours()).build();
    }
}
