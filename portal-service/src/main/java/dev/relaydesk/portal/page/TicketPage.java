package dev.relaydesk.portal.page;

import dev.relaydesk.portal.profile.Branding;
import jakarta.inject.Inject;
import dev.relaydesk.events.TicketStatus;
import dev.relaydesk.portal.action.FormTokens;
import dev.relaydesk.portal.action.TicketCommands;
import dev.relaydesk.portal.action.TicketCommands.ClientAction;
import dev.relaydesk.portal.action.TicketCommands.ClientNote;
import dev.relaydesk.portal.feedback.Feedback;
import dev.relaydesk.portal.feedback.FeedbackService;
import dev.relaydesk.portal.feedback.FeedbackService.AlreadyGivenException;
import dev.relaydesk.portal.link.AccessLink;
import dev.relaydesk.portal.link.AccessLinks;
import dev.relaydesk.portal.link.LinkAccess;
import dev.relaydesk.portal.link.WriteCodes;
import dev.relaydesk.portal.link.WriteCodes.Check;
import dev.relaydesk.portal.link.WriteCodes.Locked;
import dev.relaydesk.portal.link.WriteCodes.NoLiveCode;
import dev.relaydesk.portal.link.WriteCodes.Sent;
import dev.relaydesk.portal.link.WriteCodes.TooSoon;
import dev.relaydesk.portal.link.WriteCodes.Trusted;
import dev.relaydesk.portal.link.WriteCodes.Wrong;
import dev.relaydesk.portal.registration.ClientRegistrations;
import dev.relaydesk.portal.registration.ClientRegistrations.Created;
import dev.relaydesk.portal.registration.ClientRegistrations.ExistedBefore;
import dev.relaydesk.portal.registration.ClientRegistrations.Outcome;
import dev.relaydesk.portal.registration.ClientRegistrations.Refused;
import dev.relaydesk.portal.ticket.PortalNote;
import dev.relaydesk.portal.ticket.PortalTicket;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import dev.relaydesk.portal.action.TicketCommands.ClientEdit;
import dev.relaydesk.portal.field.FieldInput;
import dev.relaydesk.portal.field.FieldInputs;
import dev.relaydesk.portal.profile.PortalProfile;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The page a client's secret link opens: one ticket, its public conversation, and what the client may do
 * (comment, close, reopen; never delete). No login: the link is the credential.
 */
@Path("/t/{token}")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class TicketPage {

    private static final Logger LOG = Logger.getLogger(TicketPage.class);
    private static final int MAX_COMMENT = 20_000;
    /** identity-service decides what a good password is; this only spares the client an obviously short one. */
    static final int MIN_PASSWORD = 10;
    private static final Map<String, String> FLASHES = Map.of(
            "comment", "Your comment was sent. It appears below in a moment.",
            "close", "Your ticket is being closed.",
            "reopen", "Your ticket is being reopened.",
            "feedback", "Thank you for your feedback.",
            "details", "Your changes were sent. They show here in a moment.",
            "registered", "Your account is ready. Log in to see all your tickets in one place.",
            "registered-before", "You have an account already. Log in with it to see all your tickets.");
    private static final String TRUSTED = "This browser is confirmed: you can write on this ticket now.";

    /**
     * Everything the ticket page shows. Each form has its own request id, so a retried submission is
     * recognized while another form's submission from the same page is not mistaken for it.
     */
    public record TicketView(PortalTicket ticket, boolean open, List<PortalNote> notes, String base, String csrf,
            String commentRequestId, String stateRequestId, String flash, String error, String draft,
            Feedback feedback, RegistrationOffer offer, boolean registered, boolean byLink) {

        /** Feedback is asked for once the ticket is closed, and only until it is given. */
        public boolean askFeedback() {
            return !open && feedback == null;
        }
    }

    /**
     * The registration form of the link page, with what the client typed (never the password) and what to fix.
     */
    public record RegistrationOffer(String firstName, String lastName, String error, String errorField,
            int maxName, int minPassword) {

        static RegistrationOffer fresh(String clientName) {
            String name = clientName == null ? "" : clientName.strip();
            int space = name.lastIndexOf(' ');
            return space < 0 ? of(name, "", null, null)
                    : of(name.substring(0, space).strip(), name.substring(space + 1), null, null);
        }

        static RegistrationOffer of(String firstName, String lastName, String error, String errorField) {
            return new RegistrationOffer(firstName == null ? "" : firstName, lastName == null ? "" : lastName, error,
                    errorField, ClientRegistrations.MAX_NAME, MIN_PASSWORD);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ticket(TicketView view);

        static native TemplateInstance preparing();

        static native TemplateInstance notFound();

        static native TemplateInstance expiredForm(String token);
    }

    private final AccessLinks links;
    private final FormTokens formTokens;
    private final TicketCommands commands;
    private final FeedbackService feedbacks;
    private final ClientRegistrations registrations;

    /** The page's project look (logo, welcome text, details shown); see PortalProfile. */
    @Inject
    Branding branding;

    /** Whether this browser may write, where the project asks for a code first (inject:writeGate). */
    @Inject
    WriteGate writeGate;
    @Inject
    WriteCodes writeCodes;
    @Inject
    PostedForms postedForms;

    /** The details the client may change, as the project's portal profile allows (inject:detailsForm). */
    @Inject
    DetailsForm detailsForm;
    @Inject
    ObjectMapper json;

    TicketPage(AccessLinks links, FormTokens formTokens, @RestClient TicketCommands commands, FeedbackService feedbacks,
            ClientRegistrations registrations) {
        this.links = links;
        this.formTokens = formTokens;
        this.commands = commands;
        this.feedbacks = feedbacks;
        this.registrations = registrations;
    }

    @GET
    public Response show(@PathParam("token") String token, @QueryParam("sent") String sent) {
        Optional<AccessLink> link = links.resolve(token);
        if (link.isEmpty()) {
            return notFound();
        }
        PortalTicket ticket = PortalTicket.findById(link.get().ticketId);
        if (ticket == null || !ticket.isReady()) {
            // The link can reach the client before the ticket's first event reaches us.
            return Response.ok(Templates.preparing()).header("Refresh", "3").build();
        }
        links.recordAccess(link.get(), LinkAccess.Action.VIEW);
        String flash = sent == null ? null : FLASHES.get(sent);
        Response.ResponseBuilder page = Response.ok(render(link.get(), ticket, token, flash, null, null, null));
        // after an action, look again shortly: its effect arrives through the ticket's events
        boolean waitForEvents = flash != null && !sent.startsWith("registered");
        return (waitForEvents ? page.header("Refresh", "2; url=/t/" + token) : page).build();
    }

    @POST
    @Path("/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response comment(@PathParam("token") String token, @RestForm String body, @RestForm String requestId,
            @RestForm String csrf) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_COMMENT) {
            return rerender(token, 400, "Write a comment of at most " + MAX_COMMENT + " characters.", body);
        }
        return act(token, requestId, csrf, LinkAccess.Action.COMMENT, body,
                link -> commands.comment(link.ticketId, new ClientNote(requestIdOf(requestId), link.clientEmail, text)));
    }

    /** Closing and reopening: the same form, the same checks, another command. */
    @POST
    @Path("/{action: close|reopen}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeState(@PathParam("token") String token, @PathParam("action") String action,
            @RestForm String requestId, @RestForm String csrf) {
        LinkAccess.Action what = action.equals("close") ? LinkAccess.Action.CLOSE : LinkAccess.Action.REOPEN;
        return act(token, requestId, csrf, what, null, link -> {
            ClientAction command = new ClientAction(requestIdOf(requestId), link.clientEmail);
            if (action.equals("close")) {
                commands.close(link.ticketId, command);
            } else {
                commands.reopen(link.ticketId, command);
            }
        });
    }

    /** A rating of 1 to 5 and an optional comment, once, on a closed ticket. */
    @POST
    @Path("/feedback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response feedback(@PathParam("token") String token, @RestForm String rating, @RestForm String comment,
            @RestForm String csrf) {
        PostedForms.PostedForm form = postedForms.check(token, csrf, true);
        if (form.answered()) {
            return form.answer();
        }
        AccessLink link = form.link();
        PortalTicket ticket = form.ticket();
        if (writeGate.refuses(link, ticket)) {
            writeGate.keepFeedback(rating, comment);
            return refusedWithoutCode(link, token, null);
        }
        if (ticket.status == TicketStatus.OPEN) {
            return rerender(token, 409, "Feedback can be given once the ticket is closed.", null);
        }
        int stars = ratingOf(rating);
        if (stars == 0) {
            return rerender(token, 400, "Choose a rating from 1 to 5 stars.", null);
        }
        if (comment != null && comment.length() > FeedbackService.MAX_COMMENT) {
            return rerender(token, 400, "Keep your feedback comment to at most " + FeedbackService.MAX_COMMENT
                    + " characters.", null);
        }
        try {
            feedbacks.leave(link, stars, comment);
        } catch (AlreadyGivenException e) {
            return rerender(token, 409, "You already gave feedback on this ticket. Thank you!", null);
        }
        links.recordAccess(link, LinkAccess.Action.FEEDBACK);
        return Response.seeOther(URI.create("/t/" + token + "?sent=feedback")).build();
    }

    /**
     * The client changes the ticket's details the portal profile lets clients change; ticket-service checks the
     * values and tells agents (TicketUpdated). A detail the profile does not allow is refused, even in a crafted post.
     */
    @POST
    @Path("/details")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editDetails(@PathParam("token") String token, @RestForm String requestId, @RestForm String csrf) {
        PostedForms.PostedForm form = postedForms.check(token, csrf, true);
        if (form.answered()) {
            return form.answer();
        }
        AccessLink link = form.link();
        PortalTicket ticket = form.ticket();
        Map<String, String> posted = FieldInputs.allPosted();
        posted.remove("requestId");
        posted.remove("csrf");
        if (writeGate.refuses(link, ticket)) {
            links.recordAccess(link, LinkAccess.Action.WRITE_REFUSED);
            writeGate.refused();
            return rerenderDetails(link, ticket, token, 403, posted, null);
        }
        PortalProfile profile = PortalProfile.of(ticket.projectKey).filter(PortalProfile::allowsEdits).orElse(null);
        if (profile == null || ticket.status != TicketStatus.OPEN
                || posted.keySet().stream().anyMatch(name -> !DetailsForm.allowed(profile, name))) {
            LOG.infof("Link of ticket %s: a change the portal profile does not allow was refused (%s)", ticket.ticketId,
                    String.join(", ", posted.keySet()));
            return rerender(token, 403, "That detail of your ticket cannot be changed here.", null);
        }
        String priority = blankToNull(posted.get("priority"));
        if (priority != null && !DetailsForm.isPriority(priority)) {
            return rerenderDetails(link, ticket, token, 400, posted, "Choose a priority from the list.");
        }
        if (!DetailsForm.allowsType(profile, ticket, blankToNull(posted.get("type")))) {
            return rerenderDetails(link, ticket, token, 400, posted, "Choose a type from the list.");
        }
        Map<String, Object> customFields = new HashMap<>();
        posted.forEach((name, value) -> {
            if (name.startsWith(FieldInput.PREFIX)) {
                customFields.put(name.substring(FieldInput.PREFIX.length()), blankToNull(value));
            }
        });
        try {
            commands.edit(ticket.ticketId, new ClientEdit(requestIdOf(requestId), link.clientEmail, priority,
                    blankToNull(posted.get("type")), customFields.isEmpty() ? null : customFields));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 400) {
                return rerenderDetails(link, ticket, token, 400, posted, problemMessage(e));
            }
            LOG.warnf("Client edit of ticket %s could not be carried out: %s", ticket.ticketId, e.getMessage());
            return rerenderDetails(link, ticket, token, 503, posted,
                    "We could not do that right now. Please try again in a moment.");
        } catch (RuntimeException e) {
            LOG.warnf("Client edit of ticket %s could not be carried out: %s", ticket.ticketId, e.getMessage());
            return rerenderDetails(link, ticket, token, 503, posted,
                    "We could not do that right now. Please try again in a moment.");
        }
        links.recordAccess(link, LinkAccess.Action.EDIT);
        return Response.seeOther(URI.create("/t/" + token + "?sent=details")).build();
    }

    private Response rerenderDetails(AccessLink link, PortalTicket ticket, String token, int status,
            Map<String, String> posted, String error) {
        detailsForm.prepare(ticket, link.clientEmail, posted, error);
        return Response.status(status).entity(render(link, ticket, token, null, null, null, null)).build();
    }

    /** ticket-service's word on a refused value (the first field it names), for the client. */
    private String problemMessage(WebApplicationException e) {
        try {
            com.fasterxml.jackson.databind.JsonNode problem = json.readTree(e.getResponse().readEntity(String.class));
            String message = problem.path("errors").path(0).path("message").asText("");
            return message.isBlank() ? "That change could not be made. Please check the values." : message;
        } catch (Exception unreadable) {
            return "That change could not be made. Please check the values.";
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The one-form registration the page offers when this email owns two or more tickets. The email is the link's:
     * the link proved it. The password goes to identity-service only.
     */
    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@PathParam("token") String token, @RestForm String firstName, @RestForm String lastName,
            @RestForm String password, @RestForm String passwordAgain, @RestForm String csrf) {
        PostedForms.PostedForm form = postedForms.check(token, csrf, false);
        if (form.answered()) {
            return form.answer();
        }
        AccessLink link = form.link();
        if (!registrations.offeredTo(link.clientEmail)) {
            return Response.seeOther(URI.create("/t/" + token)).build();
        }
        String first = firstName == null ? "" : firstName.strip();
        String last = lastName == null ? "" : lastName.strip();
        if (writeGate.refuses(link, form.ticket())) {
            // an account for the link's address is the strongest write of all: never from a forwarded link
            links.recordAccess(link, LinkAccess.Action.WRITE_REFUSED);
            writeGate.refused();
            return rerenderOffer(token, 403, first, last, null, null);
        }
        if (first.isEmpty() || first.length() > ClientRegistrations.MAX_NAME) {
            return rerenderOffer(token, 400, first, last, "Enter your first name (at most "
                    + ClientRegistrations.MAX_NAME + " characters).", "firstName");
        }
        if (last.isEmpty() || last.length() > ClientRegistrations.MAX_NAME) {
            return rerenderOffer(token, 400, first, last, "Enter your last name (at most "
                    + ClientRegistrations.MAX_NAME + " characters).", "lastName");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            return rerenderOffer(token, 400, first, last, "Choose a password of at least " + MIN_PASSWORD
                    + " characters.", "password");
        }
        if (!password.equals(passwordAgain)) {
            return rerenderOffer(token, 400, first, last, "The two passwords are not the same. Please type them again.",
                    "passwordAgain");
        }
        Outcome outcome = registrations.register(link.clientEmail, first, last, password);
        if (outcome instanceof Created) {
            return Response.seeOther(URI.create("/t/" + token + "?sent=registered")).build();
        }
        if (outcome instanceof ExistedBefore) {
            return Response.seeOther(URI.create("/t/" + token + "?sent=registered-before")).build();
        }
        if (outcome instanceof Refused refused) {
            return rerenderOffer(token, refused.field() == null ? 422 : 400, first, last, refused.message(),
                    refused.field());
        }
        return rerenderOffer(token, 503, first, last,
                "We could not create your account right now. Please try again in a moment.", null);
    }

    /**
     * "Send me a code": a one-time code mailed to the link's client, where the project asks for one before a browser
     * writes. What the client was writing travels along ({@code draft}) and comes back into the form.
     */
    @POST
    @Path("/code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendCode(@PathParam("token") String token, @RestForm String csrf, @RestForm String draft) {
        PostedForms.PostedForm form = postedForms.check(token, csrf, true);
        if (form.answered()) {
            return form.answer();
        }
        AccessLink link = form.link();
        PortalTicket ticket = form.ticket();
        if (!writeGate.refuses(link, ticket)) {
            return backToThePage(token);
        }
        int status = 200;
        WriteCodes.Request request = writeCodes.request(link, ticket, writeGate.preferredLanguage());
        if (request instanceof Sent sent) {
            writeGate.codeSent(sent.expiresAt());
        } else if (request instanceof TooSoon tooSoon) {
            status = 429;
            writeGate.error("We sent a code a moment ago: please look in your mailbox (and its spam folder), or ask"
                    + " for a new one in " + tooSoon.retryAfterSeconds() + " seconds.");
        }
        return Response.status(status).entity(render(link, ticket, token, null, null, draft, null)).build();
    }

    /** The code from the mail: a right one lets this browser write through the link (a cookie, per link). */
    @POST
    @Path("/code/check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response checkCode(@PathParam("token") String token, @RestForm String code, @RestForm String csrf,
            @RestForm String draft) {
        PostedForms.PostedForm form = postedForms.check(token, csrf, true);
        if (form.answered()) {
            return form.answer();
        }
        AccessLink link = form.link();
        PortalTicket ticket = form.ticket();
        if (!writeGate.refuses(link, ticket)) {
            return backToThePage(token);
        }
        Check check = writeCodes.check(link, code);
        if (check instanceof Trusted trusted) {
            writeGate.trustedNow();
            return Response.ok(render(link, ticket, token, TRUSTED, null, draft, null))
                    .cookie(writeGate.trustCookie(link, token, trusted.cookieValue())).build();
        }
        if (check instanceof Wrong wrong) {
            writeGate.error("That code is not right. Please check the email and try again (" + wrong.triesLeft()
                    + (wrong.triesLeft() == 1 ? " try" : " tries") + " left).");
        } else if (check instanceof Locked) {
            writeGate.codeNotLive();
            writeGate.error("That code was entered wrong too often and no longer works. Send yourself a new code.");
        } else if (check instanceof NoLiveCode) {
            writeGate.codeNotLive();
            writeGate.error("That code has expired or was already used. Send yourself a new code.");
        }
        return Response.status(400).entity(render(link, ticket, token, null, null, draft, null)).build();
    }

    @GET
    @Path("/{rest: .+}")
    public Response unknownBelowToken() {
        return notFound();
    }

    /** Checks the link and the form token, runs the command, and answers with a redirect (POST-redirect-GET). */
    private Response act(String token, String requestId, String csrf, LinkAccess.Action what, String draft,
            Consumer<AccessLink> command) {
        PostedForms.PostedForm form = postedForms.check(token, csrf, false);
        if (form.answered()) {
            return form.answer();
        }
        AccessLink link = form.link();
        if (writeGate.refuses(link, form.ticket())) {
            return refusedWithoutCode(link, token, draft);
        }
        try {
            command.accept(link);
        } catch (RuntimeException e) {
            LOG.warnf("Client %s of ticket %s could not be carried out: %s", what, link.ticketId, e.getMessage());
            return rerender(token, 503, "We could not do that right now. Please try again in a moment.", draft);
        }
        links.recordAccess(link, what);
        return Response.seeOther(URI.create("/t/" + token + "?sent=" + what.name().toLowerCase(Locale.ROOT))).build();
    }

    static Response backToThePage(String token) {
        return Response.seeOther(URI.create("/t/" + token)).build();
    }

    /** A post from a browser that has not entered the project's code: the page again, with the code form and the text. */
    private Response refusedWithoutCode(AccessLink link, String token, String draft) {
        links.recordAccess(link, LinkAccess.Action.WRITE_REFUSED);
        writeGate.refused();
        return rerender(token, 403, null, draft);
    }

    private Response rerender(String token, int status, String error, String draft) {
        AccessLink link = links.resolve(token).orElseThrow();
        PortalTicket ticket = PortalTicket.findById(link.ticketId);
        return Response.status(status).entity(render(link, ticket, token, null, error, draft, null)).build();
    }

    private Response rerenderOffer(String token, int status, String firstName, String lastName, String error,
            String field) {
        AccessLink link = links.resolve(token).orElseThrow();
        PortalTicket ticket = PortalTicket.findById(link.ticketId);
        return Response.status(status).entity(render(link, ticket, token, null, null, null,
                RegistrationOffer.of(firstName, lastName, error, field))).build();
    }

    /** @param offer the registration form as typed, or null for a fresh one where it is offered */
    private TemplateInstance render(AccessLink link, PortalTicket ticket, String token, String flash, String error,
            String draft, RegistrationOffer offer) {
        branding.use(ticket.projectKey);
        writeGate.prepare(link, ticket);
        if (!detailsForm.prepared()) {
            detailsForm.prepare(ticket, link.clientEmail, Map.of(), null);
        }
        boolean registered = registrations.isRegistered(link.clientEmail);
        RegistrationOffer shownOffer = registered ? null
                : offer != null ? offer
                : registrations.offeredTo(link.clientEmail) ? RegistrationOffer.fresh(ticket.clientName) : null;
        return Templates.ticket(new TicketView(ticket, ticket.status == TicketStatus.OPEN,
                PortalNote.conversation(ticket.ticketId), "/t/" + token, formTokens.issue(link.id),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), flash, error, draft,
                feedbacks.of(ticket.ticketId).orElse(null), shownOffer, registered, true));
    }

    static int ratingOf(String rating) {
        try {
            int stars = Integer.parseInt(rating == null ? "" : rating.strip());
            return stars >= 1 && stars <= 5 ? stars : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A malformed id still gets one: the request then simply is not deduplicated against a retry. */
    private static UUID requestIdOf(String requestId) {
        try {
            return UUID.fromString(requestId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return UUID.randomUUID();
        }
    }

    static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).entity(Templates.notFound()).build();
    }
}
