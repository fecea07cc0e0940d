package dev.relaydesk.portal.profile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A project's portal: branding, and which ticket details its clients see. */
@Entity
@Table(name = "portal_profile")
public class PortalProfile extends PanacheEntityBase {

    @Id
    @Column(name = "project_key")
    public String projectKey;

    @Column(name = "welcome_text")
    public String welcomeText;

    @Column(name = "link_url")
    public String linkUrl;

    @Column(name = "show_priority", nullable = false)
    public boolean showPriority;

    @Column(name = "show_type", nullable = false)
    public boolean showType;

    /** Whether a logged-in client also sees the tickets of their organization's other members (admin-defined). */
    @Column(name = "show_organization_tickets", nullable = false)
    public boolean showOrganizationTickets;

    /** Lazy (Quarkus enhances entities): every page reads the profile, only {@link LogoResource} reads the bytes. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] logo;

    @Column(name = "logo_type")
    public String logoType;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<PortalProfile> of(String projectKey) {
        return projectKey == null ? Optional.empty() : findByIdOptional(normalized(projectKey));
    }

    /** The projects whose clients see their organization's tickets. */
    public static List<String> sharingWithinOrganizations() {
        return getEntityManager().createQuery(
                "select p.projectKey from PortalProfile p where p.showOrganizationTickets = true", String.class)
                .getResultList();
    }

    static PortalProfile ofOrNew(String projectKey) {
        return PortalProfile.<PortalProfile>findByIdOptional(normalized(projectKey)).orElseGet(() -> {
            PortalProfile profile = new PortalProfile();
            profile.projectKey = normalized(projectKey);
            return profile;
        });
    }

    static String normalized(String projectKey) {
        return projectKey.strip().toUpperCase(Locale.ROOT);
    }

    /** Without loading the bytes: a logo and its type are always set and cleared together. */
    public boolean hasLogo() {
        return logoType != null;
    }
}
