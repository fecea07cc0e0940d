package dev.relaydesk.portal.organization;

import dev.relaydesk.portal.profile.PortalProfile;
import dev.relaydesk.portal.ticket.PortalTicket;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tickets a logged-in client sees: their own, and in projects whose profile shares within organizations, those
 * of the other members of their organization (never of an address an admin placed in another organization, even
 * at the same mail domain).
 */
@ApplicationScoped
public class VisibleTickets {

    /** A JPQL condition on {@link PortalTicket} and its parameters. */
    public record Scope(String condition, Map<String, Object> parameters) {
    }

    private final Organizations organizations;

    VisibleTickets(Organizations organizations) {
        this.organizations = organizations;
    }

    public Scope of(String email) {
        Map<String, Object> parameters = new HashMap<>(Map.of("email", email));
        StringBuilder condition = new StringBuilder("(lower(clientEmail) = :email");
        Optional<Organizations.Members> colleagues = organizations.colleaguesOf(email);
        List<String> projects = colleagues.isEmpty() ? List.of() : PortalProfile.sharingWithinOrganizations();
        if (colleagues.isPresent() && !projects.isEmpty()) {
            Organizations.Members members = colleagues.get();
            List<String> matches = new ArrayList<>();
            if (!members.addresses().isEmpty()) {
                matches.add("lower(clientEmail) in :addresses");
                parameters.put("addresses", members.addresses());
            }
            for (int i = 0; i < members.domains().size(); i++) {
                matches.add("lower(clientEmail) like :domain" + i);
                parameters.put("domain" + i, "%" + members.domains().get(i));
            }
            condition.append(" or (projectKey in :projects and (").append(String.join(" or ", matches)).append(")"
                    + " and lower(clientEmail) not in"
                    + " (select m.member from OrganizationMember m where m.organization <> :organization))");
            parameters.put("projects", projects);
            parameters.put("organization", members.organization());
        }
        return new Scope(condition.append(")").toString(), parameters);
    }

    public boolean isOwn(PortalTicket ticket, String email) {
        return ticket.clientEmail.strip().equalsIgnoreCase(email);
    }

    /** Another member's ticket the client may read (not act on). */
    public boolean isColleagues(PortalTicket ticket, String email) {
        if (isOwn(ticket, email) || !PortalProfile.sharingWithinOrganizations().contains(ticket.projectKey)) {
            return false;
        }
        Optional<String> mine = organizations.organizationOf(email);
        return mine.isPresent() && mine.equals(organizations.organizationOf(ticket.clientEmail));
    }
}
