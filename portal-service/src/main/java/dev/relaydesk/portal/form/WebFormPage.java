package dev.relaydesk.portal.form;

import dev.relaydesk.portal.profile.Branding;
import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaydesk.portal.form.TicketIntake.ClientTicket;
import dev.relaydesk.web.InvalidFieldException;
import dev.relaydesk.web.PhoneNumbers;
import dev.relaydesk.portal.form.TicketIntake.OpenedTicket;
import dev.relaydesk.portal.form.TicketIntake.Project;
import dev.relaydesk.portal.form.TicketIntake.ProjectField;
import dev.relaydesk.portal.field.CustomFieldForm;
import dev.relaydesk.portal.field.FieldInput;
import dev.relaydesk.portal.field.FieldInputs;
import dev.relaydesk.portal.profile.PortalProfile;
import dev.relaydesk.portal.limit.ClientAddresses;
import dev.relaydesk.portal.limit.RateLimiter;
import dev.relaydesk.portal.link.AccessLinks;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A project's public "submit a ticket" form, and the snippets that put it on a company's own website. A sent form
 * opens the ticket in ticket-service and takes the client straight to the new ticket's link page.
 *
 * <p>Spam defences, cheapest first: submissions per address, a honeypot field, size limits, a signed form token,
 * submissions per email.
 */
@Path("/form/{projectKey}")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class WebFormPage {

    private static final Logger LOG = Logger.getLogger(WebFormPage.class);
    private static final Pattern KEY_SHAPE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");
    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 320;
    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 20_000;

    /** What the client typed, kept when the form comes back. */
    public record Values(String name, String email, String title, String description, String phone) {

        public Values(String name, String email, String title, String description) {
            this(name, email, title, description, "");
        }

        static Values of(String name, String email, String title, String description) {
            return new Values(orEmpty(name), orEmpty(email), orEmpty(title), orEmpty(description));
        }

        /** With the optional mobile number for SMS updates. */
        static Values of(String name, String email, String title, String description, String phone) {
            return new Values(orEmpty(name), orEmpty(email), orEmpty(title), orEmpty(description), orEmpty(phone));
        }

        static Values empty() {
            return new Values("", "", "", "");
        }
    }

    /** One message per field that needs attention; null where all is well. */
    public record Errors(String name, String email, String title, String description, String phone) {

        public Errors(String name, String email, String title, String description) {
            this(name, email, title, description, null);
        }

        boolean any() {
            return name != null || email != null || title != null || description != null || phone != null;
        }
    }

    /** @param customFields the project's custom fields that its portal profile marks visible */
    public record FormView(String projectKey, String projectName, Values values, Errors errors, String csrf,
            String requestId, boolean embedded, String notice, String error, int maxName, int maxEmail, int maxTitle,
            int maxDescription, List<FieldInput> customFields, List<String> customFieldErrors) {
    }

    public record EmbedView(String projectName, String formUrl, String iframeSnippet, String htmlSnippet) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(FormView view);

        static native TemplateInstance embed(EmbedView view);

        static native TemplateInstance unknownProject();

        static native TemplateInstance unavailable();

        static native TemplateInstance tooMany(String reason);

        static native TemplateInstance received(boolean embedded);
    }

    /** ticket-service cannot be asked right now. */
    private static class UnavailableException extends RuntimeException {
        UnavailableException(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private final TicketIntake intake;
    private final AccessLinks links;
    private final WebFormTokens tokens;
    private final RateLimiter limiter;
    private final ClientAddresses addresses;
    private final ObjectMapper json;
    private final String publicUrl;
    private final int perAddress;
    private final int perEmail;
    private final Duration window;

    /** The page's project look (logo, welcome text, details shown); see PortalProfile. */
    @Inject
    Branding branding;

    /** The project's custom fields on this form (those its portal profile marks visible). */
    @Inject
    CustomFieldForm customFields;

    /** The ticket types clients may choose on this form (those its portal profile allows). */
    @Inject
    TicketTypeField ticketType;

    WebFormPage(@RestClient TicketIntake intake, AccessLinks links, WebFormTokens tokens, RateLimiter limiter,
            ClientAddresses addresses, ObjectMapper json,
            @ConfigProperty(name = "relaydesk.portal.public-url") String publicUrl,
            @ConfigProperty(name = "relaydesk.portal.form.submissions-per-address", defaultValue = "10") int perAddress,
            @ConfigProperty(name = "relaydesk.portal.form.submissions-per-email", defaultValue = "5") int perEmail,
            @ConfigProperty(name = "relaydesk.portal.form.window", defaultValue = "PT1H") Duration window) {
        this.intake = intake;
        this.links = links;
        this.tokens = tokens;
        this.limiter = limiter;
        this.addresses = addresses;
        this.json = json;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.perAddress = perAddress;
        this.perEmail = perEmail;
        this.window = window;
    }

    @GET
    public Response show(@PathParam("projectKey") String projectKey, @QueryParam("embed") boolean embedded) {
        try {
            return project(projectKey)
                    .map(project -> {
                        customFields.show(visibleFields(project), Map.of());
                        ticketType.show(project.key(), project.types(), project.defaultType());
                        return Response.ok(form(project, Values.empty(), null, embedded, null, null));
                    })
                    .orElseGet(WebFormPage::unknown).build();
        } catch (UnavailableException e) {
            return unavailable();
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("projectKey") String projectKey, @RestForm String name, @RestForm String email,
            @RestForm String title, @RestForm String description, @RestForm String website,
            @RestForm String requestId, @RestForm String csrf, @RestForm boolean embed,
            @RestForm String phone, @RestForm String type) {
        if (!KEY_SHAPE.matcher(projectKey).matches()) {
            return unknown().build();
        }
        if (!limiter.tryAcquire("form-address", addresses.current(), perAddress, window)) {
            return tooMany("Many requests came from your network in a short time.");
        }
        if (website != null && !website.isBlank()) {
            // Only robots fill the hidden field: they are answered as if all went well, and nothing is opened.
            LOG.infof("Web form of %s: honeypot filled, nothing opened", projectKey);
            return Response.ok(Templates.received(embed)).build();
        }
        Values values = Values.of(name, email, title, description, phone);
        try {
            Optional<Project> project = project(projectKey);
            if (project.isEmpty()) {
                return unknown().build();
            }
            customFields.showPosted(visibleFields(project.get()));
            ticketType.show(project.get().key(), project.get().types(), project.get().defaultType());
            TicketTypeField.Choice chosenType = ticketType.choose(type);
            if (!tokens.isValid(projectKey, csrf)) {
                // A form from another website (the plain HTML snippet) or a very old page: the client confirms here.
                return Response.ok(form(project.get(), values, null, embed,
                        "Please check your details and press Send to submit your request.", null)).build();
            }
            Errors errors = validate(values);
            if (errors.any() || chosenType.error() != null) {
                return Response.status(400).entity(form(project.get(), values, errors, embed, null,
                        "Please correct the fields marked below.")).build();
            }
            if (!limiter.tryAcquire("form-email", values.email().strip(), perEmail, window)) {
                return tooMany("Many requests came from " + values.email().strip() + " in a short time.");
            }
            OpenedTicket opened = open(projectKey, values, requestId, chosenType.type());
            String token = links.mint(opened.id(), values.email().strip());
            return Response.seeOther(URI.create("/t/" + token)).build();
        } catch (FieldRefusedException e) {
            return e.project ? unknown().build()
                    : Response.status(400).entity(formWithoutLookup(projectKey, values, e.errors, embed)).build();
        } catch (RejectedException e) {
            // The help desk's screening refused it; its words are for the client, shown as text above their request.
            return Response.status(422).entity(Templates.form(view(projectKey, projectKey, values, null, embed, null,
                    e.getMessage()))).build();
        } catch (UnavailableException e) {
            LOG.warnf("Web form of %s could not be sent: %s", projectKey, e.getMessage());
            return Response.status(503).entity(Templates.form(view(projectKey, projectKey, values, null, embed, null,
                    "We could not send your request right now. Please try again in a moment."))).build();
        }
    }

    @GET
    @Path("/embed")
    public Response embed(@PathParam("projectKey") String projectKey) {
        try {
            return project(projectKey).map(project -> Response.ok(Templates.embed(embedView(project))))
                    .orElseGet(WebFormPage::unknown).build();
        } catch (UnavailableException e) {
            return unavailable();
        }
    }

    private OpenedTicket open(String projectKey, Values values, String requestId, String type) {
        ClientTicket ticket = new ClientTicket(requestIdOf(requestId), "WEB_FORM", values.email().strip(),
                values.name().strip(), projectKey, values.title().strip(), values.description(), customFields.toSend(),
                PhoneNumbers.normalized("phone", values.phone()), type);
        try {
            return intake.open(ticket);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 400) {
                throw refusal(e);
            }
            if (e.getResponse().getStatus() == 422) {
                throw new RejectedException(detailOf(e));
            }
            throw new UnavailableException(e);
        } catch (RuntimeException e) {
            throw new UnavailableException(e);
        }
    }

    /** The help desk's screening refused the ticket, with words for the client. */
    private static class RejectedException extends RuntimeException {
        RejectedException(String message) {
            super(message, null, false, false);
        }
    }

    private String detailOf(WebApplicationException e) {
        try {
            String detail = json.readTree(e.getResponse().readEntity(String.class)).path("detail").asText("");
            return detail.isBlank() ? "Your request could not be accepted." : detail;
        } catch (Exception unreadable) {
            return "Your request could not be accepted.";
        }
    }

    /** ticket-service refused a field the form already checked (its rules may be stricter): tell the client which. */
    private static class FieldRefusedException extends RuntimeException {
        final boolean project;
        final Errors errors;

        FieldRefusedException(boolean project, Errors errors) {
            super("refused", null, false, false);
            this.project = project;
            this.errors = errors;
        }
    }

    private FieldRefusedException refusal(WebApplicationException e) {
        String name = null;
        String email = null;
        String title = null;
        String description = null;
        boolean project = false;
        try {
            JsonNode problem = json.readTree(e.getResponse().readEntity(String.class));
            for (JsonNode error : problem.path("errors")) {
                String message = error.path("message").asText("This field was refused.");
                String customKey = FieldInputs.keyOf(error.path("field").asText(""));
                if (customKey != null) {
                    customFields.refused(customKey, message);
                    continue;
                }
                switch (error.path("field").asText("")) {
                    case "project" -> project = true;
                    case "clientName" -> name = message;
                    case "clientEmail" -> email = "Enter a valid email address.";
                    case "title" -> title = message;
                    case "type" -> ticketType.refused(message);
                    case "description" -> description = message;
                    default -> title = title != null ? title : message;
                }
            }
        } catch (RuntimeException | java.io.IOException parseFailure) {
            title = "Your request could not be accepted. Please check the fields.";
        }
        if (title == null && name == null && email == null && description == null && !customFields.anyRefused()
                && ticketType.error() == null) {
            title = "Your request could not be accepted. Please check the fields.";
        }
        return new FieldRefusedException(project, new Errors(name, email, title, description));
    }

    private Optional<Project> project(String projectKey) {
        if (!KEY_SHAPE.matcher(projectKey).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(intake.project(projectKey));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw new UnavailableException(e);
        } catch (RuntimeException e) {
            throw new UnavailableException(e);
        }
    }

    static Errors validate(Values values) {
        return new Errors(
                sized(values.name(), MAX_NAME, "Enter your name.", "your name"),
                values.email().isBlank() ? "Enter your email address, so we can answer you."
                        : values.email().strip().length() > MAX_EMAIL ? "An email address has at most " + MAX_EMAIL + " characters."
                        : EMAIL_SHAPE.matcher(values.email().strip()).matches() ? null : "Enter a valid email address, like name@example.com.",
                sized(values.title(), MAX_TITLE, "Enter a subject.", "the subject"),
                sized(values.description(), MAX_DESCRIPTION, "Describe what you need.", "the description"),
                mobileError(values.phone()));
    }

    /** The mobile number is optional; when given it must be international, as SMS providers need it. */
    private static String mobileError(String phone) {
        try {
            PhoneNumbers.normalized("phone", phone);
            return null;
        } catch (InvalidFieldException e) {
            return "Enter your mobile number with + and country code, like +44 7700 900123, or leave it empty.";
        }
    }

    private static String sized(String value, int max, String missing, String what) {
        if (value.isBlank()) {
            return missing;
        }
        int length = value.strip().codePointCount(0, value.strip().length());
        return length > max ? "Keep " + what + " to at most " + max + " characters (it has " + length + ")." : null;
    }

    private TemplateInstance form(Project project, Values values, Errors errors, boolean embedded, String notice,
            String error) {
        return Templates.form(view(project.key(), project.name(), values, errors, embedded, notice, error));
    }

    /** When ticket-service cannot tell the project's name, the form still comes back with what was typed. */
    private TemplateInstance formWithoutLookup(String projectKey, Values values, Errors errors, boolean embedded) {
        return Templates.form(view(projectKey, projectKey, values, errors, embedded, null,
                "Please correct the fields marked below."));
    }

    private FormView view(String key, String name, Values values, Errors errors, boolean embedded, String notice,
            String error) {
        branding.use(key);
        return new FormView(key, name, values, errors == null ? new Errors(null, null, null, null) : errors,
                tokens.issue(key), UUID.randomUUID().toString(), embedded, notice, error, MAX_NAME, MAX_EMAIL, MAX_TITLE,
                MAX_DESCRIPTION, customFields.inputs(), customFields.otherErrors());
    }

    /** The project's custom fields its portal profile marks visible, in the project's order. */
    private static List<ProjectField> visibleFields(Project project) {
        return FieldInputs.shown(project.customFields(), PortalProfile.visibleCustomFieldsOf(project.key()));
    }

    private EmbedView embedView(Project project) {
        String formUrl = publicUrl + "/form/" + project.key();
        String iframe = "<iframe src=\"" + formUrl + "?embed=true\" title=\"" + attribute(project.name())
                + " support form\"\n        style=\"width:100%;max-width:40rem;height:54rem;border:0\" loading=\"lazy\"></iframe>";
        String html = """
                <form method="post" action="%s" accept-charset="utf-8">
                  <p><label>Your name<br><input name="name" required maxlength="%d"></label></p>
                  <p><label>Your email<br><input type="email" name="email" required maxlength="%d"></label></p>
                  <p><label>Subject<br><input name="title" required maxlength="%d"></label></p>
                  <p><label>How can we help?<br><textarea name="description" rows="6" required maxlength="%d"></textarea></label></p>
                  <div style="position:absolute;left:-10000px" aria-hidden="true"><input name="website" tabindex="-1" autocomplete="off"></div>
                  <p><button type="submit">Send</button></p>
                </form>""".formatted(formUrl, MAX_NAME, MAX_EMAIL, MAX_TITLE, MAX_DESCRIPTION);
        return new EmbedView(project.name(), formUrl, iframe, html);
    }

    private Response tooMany(String reason) {
        return Response.status(429).header("Retry-After", String.valueOf(window.toSeconds()))
                .entity(Templates.tooMany(reason)).build();
    }

    private static Response.ResponseBuilder unknown() {
        return Response.status(Response.Status.NOT_FOUND).entity(Templates.unknownProject());
    }

    private static Response unavailable() {
        return Response.status(503).header("Retry-After", "30").entity(Templates.unavailable()).build();
    }

    private static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** A missing or malformed id still gets one: the request then simply is not deduplicated against a retry. */
    private static UUID requestIdOf(String requestId) {
        try {
            return UUID.fromString(requestId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return UUID.randomUUID();
        }
    }
}
