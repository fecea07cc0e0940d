package dev.relaydesk.portal.organization;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which organization a client belongs to, as admins defined it: their own address wins over their mail domain.
 * The address is one Keycloak verified (a logged-in client), so a domain entry is safe to trust.
 */
@ApplicationScoped
public class Organizations {

    /** An organization's members: exact addresses and {@code @domain}s. */
    public record Members(String organization, List<String> addresses, List<String> domains) {

        public boolean includes(String email) {
            String address = email.strip().toLowerCase(Locale.ROOT);
            return addresses.contains(address) || domains.contains(domainOf(address));
        }
    }

    public Optional<String> organizationOf(String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        return OrganizationMember.<OrganizationMember>findByIdOptional(address)
                .or(() -> OrganizationMember.findByIdOptional(domainOf(address)))
                .map(member -> member.organization);
    }

    /** The members of the client's organization, or empty when the client belongs to none. */
    public Optional<Members> colleaguesOf(String email) {
        return organizationOf(email).map(this::members);
    }

    public Members members(String organization) {
        List<OrganizationMember> entries = OrganizationMember.list("organization = ?1 order by member", organization);
        return new Members(organization,
                entries.stream().filter(entry -> !entry.isDomain()).map(entry -> entry.member).toList(),
                entries.stream().filter(OrganizationMember::isDomain).map(entry -> entry.member).toList());
    }

    static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(at);
    }
}
