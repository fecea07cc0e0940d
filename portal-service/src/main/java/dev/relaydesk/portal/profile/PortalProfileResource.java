package dev.relaydesk.portal.profile;

import dev.relaydesk.web.ConflictException;
import dev.relaydesk.web.InvalidFieldException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Admins shape each project's portal: logo (PNG or JPEG, at most 20 KB), where the logo links to, a welcome
 * text, which ticket details clients see, which ticket types they may choose, and whether they may follow the
 * project. A profile can be cloned to start another project's.
 */
@Path("/api/admin/portal-profiles/{projectKey}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Transactional
public class PortalProfileResource {

    private static final String PROJECT_KEY = "[A-Za-z][A-Za-z0-9]{1,9}";
    /** ticket-service's shape of a custom field's key. */
    private static final String FIELD_KEY = "[a-z][a-zA-Z0-9_]{0,39}";

    /**
     * @param linkUrl                 where the logo leads (the company's site), http or https
     * @param showOrganizationTickets logged-in clients also see the tickets of the other members of their
     *                                organization (as admins define them at /api/admin/organizations)
     * @param visibleCustomFields     keys of the project's custom fields (as ticket-service defines them) that the
     *                                web form and the "add ticket" form offer; none when left out
     * @param editPriority            whether clients may change their ticket's priority on its link page
     * @param editType                whether clients may change their ticket's type on its link page
     * @param editableCustomFields    keys of the custom fields clients may change on their ticket's link page
     * @param followable              registered clients may follow the project from their portal home, and then read
     *                                its tickets (number, title, Open/Closed, public conversation) in a tab of their own
     * @param clientTicketTypes       names of the project's ticket types (as ticket-service has them) that clients may
     *                                choose on the web form and the "add ticket" form, and change to on the link page;
     *                                all of the project's types when left out or empty
     */
    public record EditProfile(@Size(max = 2000) String welcomeText, @Size(max = 500) String linkUrl,
            boolean showPriority, boolean showType, boolean showOrganizationTickets,
            @Size(max = 50) List<@NotNull @Pattern(regexp = FIELD_KEY, message = "a custom field's key, like customerId") String> visibleCustomFields,
            boolean editPriority, boolean editType,
            @Size(max = 50) List<@NotNull @Pattern(regexp = FIELD_KEY, message = "a custom field's key, like customerId") String> editableCustomFields,
            boolean followable,
            @Size(max = 50) List<@NotBlank(message = "a ticket type's name, like Question") @Size(max = 60) String> clientTicketTypes) {
    }

    public record ProfileView(String projectKey, String welcomeText, String linkUrl, boolean showPriority,
            boolean showType, boolean showOrganizationTickets, List<String> visibleCustomFields, boolean editPriority,
            boolean editType, List<String> editableCustomFields, boolean followable, List<String> clientTicketTypes,
            String logoUrl, Instant updatedAt) {

        static ProfileView of(PortalProfile profile) {
            return new ProfileView(profile.projectKey, profile.welcomeText, profile.linkUrl, profile.showPriority,
                    profile.showType, profile.showOrganizationTickets, List.copyOf(profile.visibleCustomFields),
                    profile.editPriority, profile.editType, List.copyOf(profile.editableCustomFields),
                    profile.followable, List.copyOf(profile.clientTicketTypes),
                    profile.hasLogo() ? LogoResource.path(profile.projectKey) : null, profile.updatedAt);
        }
    }

    public record CloneRequest(@NotNull @Pattern(regexp = PROJECT_KEY, message = "a project key, like SUP") String to) {
    }

    /** A project without a profile answers the defaults it shows: no branding, no extra details. */
    @GET
    public ProfileView get(@PathParam("projectKey") @Pattern(regexp = PROJECT_KEY) String projectKey) {
        PortalProfile profile = PortalProfile.ofOrNew(projectKey);
        return ProfileView.of(profile);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ProfileView put(@PathParam("projectKey") @Pattern(regexp = PROJECT_KEY) String projectKey,
            @Valid @NotNull EditProfile edit) {
        PortalProfile profile = PortalProfile.ofOrNew(projectKey);
        profile.welcomeText = blankToNull(edit.welcomeText());
        profile.linkUrl = webAddress(blankToNull(edit.linkUrl()));
        profile.showPriority = edit.showPriority();
        profile.showType = edit.showType();
        profile.showOrganizationTickets = edit.showOrganizationTickets();
        profile.visibleCustomFields = distinct(edit.visibleCustomFields());
        profile.editPriority = edit.editPriority();
        profile.editType = edit.editType();
        profile.editableCustomFields = distinct(edit.editableCustomFields());
        profile.followable = edit.followable();
        profile.clientTicketTypes = typeNames(edit.clientTicketTypes());
        return saved(profile);
    }

    /** The logo as the request body (any content type: the bytes decide whether it is a PNG or a JPEG). */
    @PUT
    @Path("/logo")
    @Consumes(MediaType.WILDCARD)
    public ProfileView putLogo(@PathParam("projectKey") @Pattern(regexp = PROJECT_KEY) String projectKey, byte[] body) {
        LogoImage logo = LogoImage.of(body);
        PortalProfile profile = PortalProfile.ofOrNew(projectKey);
        profile.logo = logo.bytes();
        profile.logoType = logo.mediaType();
        return saved(profile);
    }

    @DELETE
    @Path("/logo")
    public ProfileView deleteLogo(@PathParam("projectKey") @Pattern(regexp = PROJECT_KEY) String projectKey) {
        PortalProfile profile = PortalProfile.ofOrNew(projectKey);
        profile.logo = null;
        profile.logoType = null;
        return saved(profile);
    }

    /** Starts another project's profile as a copy of this one; an existing profile is never overwritten. */
    @POST
    @Path("/clone")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public ProfileView cloneTo(@PathParam("projectKey") @Pattern(regexp = PROJECT_KEY) String projectKey,
            @Valid @NotNull CloneRequest request) {
        PortalProfile source = PortalProfile.of(projectKey).orElseThrow(() -> new InvalidFieldException("projectKey",
                "Project " + projectKey.toUpperCase(Locale.ROOT) + " has no portal profile to clone."));
        if (PortalProfile.of(request.to()).isPresent()) {
            throw new ConflictException("Project " + request.to().toUpperCase(Locale.ROOT)
                    + " already has a portal profile; edit it, or delete it first.");
        }
        PortalProfile copy = PortalProfile.ofOrNew(request.to());
        copy.welcomeText = source.welcomeText;
        copy.linkUrl = source.linkUrl;
        copy.showPriority = source.showPriority;
        copy.showType = source.showType;
        copy.showOrganizationTickets = source.showOrganizationTickets;
        copy.visibleCustomFields = new ArrayList<>(source.visibleCustomFields);
        copy.editPriority = source.editPriority;
        copy.editType = source.editType;
        copy.editableCustomFields = new ArrayList<>(source.editableCustomFields);
        copy.followable = source.followable;
        copy.clientTicketTypes = new ArrayList<>(source.clientTicketTypes);
        copy.logo = source.logo == null ? null : source.logo.clone();
        copy.logoType = source.logoType;
        return saved(copy);
    }

    @DELETE
    @ResponseStatus(204)
    public void delete(@PathParam("projectKey") @Pattern(regexp = PROJECT_KEY) String projectKey) {
        PortalProfile.of(projectKey).ifPresent(PortalProfile::delete);
    }

    private static ProfileView saved(PortalProfile profile) {
        profile.updatedAt = Instant.now();
        profile.persist();
        return ProfileView.of(profile);
    }

    /** Stripped, each name once whatever its case (ticket-service matches type names ignoring case). */
    private static List<String> typeNames(List<String> names) {
        List<String> kept = new ArrayList<>();
        if (names != null) {
            for (String name : names) {
                String stripped = name.strip();
                if (kept.stream().noneMatch(stripped::equalsIgnoreCase)) {
                    kept.add(stripped);
                }
            }
        }
        return kept;
    }

    private static List<String> distinct(List<String> keys) {
        return keys == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(keys));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Only absolute http(s) addresses: the link sits on every client page, so javascript: and the like never. */
    private static String webAddress(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw new InvalidFieldException("linkUrl", "Give a web address starting with https:// (or http://).");
    }
}
