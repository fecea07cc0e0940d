package dev.relaydesk.portal.organization;

import dev.relaydesk.web.InvalidFieldException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Admins say who belongs to which organization: addresses and whole mail domains. A member is in one organization;
 * putting it in another moves it. Which projects let members see each other's tickets is the portal profile's
 * {@code showOrganizationTickets}.
 */
@Path("/api/admin/organizations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Transactional
public class OrganizationResource {

    private static final String NAME = "[\\p{L}\\p{N}][\\p{L}\\p{N} .&'_-]{0,99}";
    private static final java.util.regex.Pattern ADDRESS =
            java.util.regex.Pattern.compile("[^@\\s]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final java.util.regex.Pattern DOMAIN = java.util.regex.Pattern.compile("@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    /** @param members addresses ({@code ana@acme.com}) and domains ({@code @acme.com}) */
    public record MemberList(@NotNull @Size(max = 1000) List<String> members) {
    }

    public record OrganizationView(String name, List<String> members) {
    }

    private final Organizations organizations;

    OrganizationResource(Organizations organizations) {
        this.organizations = organizations;
    }

    @GET
    public List<OrganizationView> list() {
        List<String> names = OrganizationMember.<OrganizationMember>listAll().stream()
                .map(member -> member.organization).distinct().sorted().toList();
        return names.stream().map(this::view).toList();
    }

    @GET
    @Path("/{name}")
    public OrganizationView get(@PathParam("name") @Pattern(regexp = NAME) String name) {
        OrganizationView view = view(name);
        if (view.members().isEmpty()) {
            throw new NotFoundException("No organization " + name);
        }
        return view;
    }

    /** Replaces the organization's members with these. */
    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public OrganizationView put(@PathParam("name") @Pattern(regexp = NAME) String name, @Valid @NotNull MemberList list) {
        Set<String> members = new LinkedHashSet<>();
        for (String member : list.members()) {
            String normalized = member == null ? "" : member.strip().toLowerCase(Locale.ROOT);
            if (!ADDRESS.matcher(normalized).matches() && !DOMAIN.matcher(normalized).matches()) {
                throw new InvalidFieldException("members", "\"" + member
                        + "\" is neither an address (ana@acme.com) nor a mail domain (@acme.com)");
            }
            members.add(normalized);
        }
        OrganizationMember.delete("organization", name);
        if (!members.isEmpty()) {
            OrganizationMember.delete("member in ?1", members); // a member of another organization moves here
        }
        members.forEach(member -> OrganizationMember.of(member, name).persist());
        return view(name);
    }

    @DELETE
    @Path("/{name}")
    @ResponseStatus(204)
    public void delete(@PathParam("name") @Pattern(regexp = NAME) String name) {
        OrganizationMember.delete("organization", name);
    }

    private OrganizationView view(String name) {
        Organizations.Members members = organizations.members(name);
        List<String> all = new java.util.ArrayList<>(members.domains());
        all.addAll(members.addresses());
        return new OrganizationView(name, all);
    }
}
