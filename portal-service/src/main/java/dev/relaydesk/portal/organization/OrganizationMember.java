package dev.relaydesk.portal.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An address, or a whole mail domain ({@code @acme.com}), that an admin placed in an organization. */
@Entity
@Table(name = "organization_member")
public class OrganizationMember extends PanacheEntityBase {

    @Id
    public String member;

    public String organization;

    static OrganizationMember of(String member, String organization) {
        OrganizationMember entry = new OrganizationMember();
        entry.member = member;
        entry.organization = organization;
        return entry;
    }

    boolean isDomain() {
        return member.startsWith("@");
    }
}
