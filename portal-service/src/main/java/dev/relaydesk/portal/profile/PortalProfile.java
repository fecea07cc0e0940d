package dev.relaydesk.portal.profile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.Instant;
import java.util.ArrayList;
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

    /** Whether registered clients may follow the project and then read its tickets (admin-defined). */
    @Column(nullable = false)
    public boolean followable;

    /** The ticket types (by name) clients may choose on the portal's forms; empty: all of the project's types. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "client_ticket_types", nullable = false)
    public List<String> clientTicketTypes = new ArrayList<>();

    /** Keys of the project's custom fields that the portal's forms offer to clients. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "visible_custom_fields", nullable = false)
    public List<String> visibleCustomFields = new ArrayList<>();

    /** What clients may change on their ticket's link page. */
    @Column(name = "edit_priority", nullable = false)
    public boolean editPriority;

    @Column(name = "edit_type", nullable = false)
    public boolean editType;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "editable_custom_fields", nullable = false)
    public List<String> editableCustomFields = new ArrayList<>();

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

    /** The projects registered clients may follow, by key. */
    public static List<String> followableProjects() {
        return getEntityManager().createQuery(
                "select p.projectKey from PortalProfile p where p.followable = true order by p.projectKey", String.class)
                .getResultList();
    }

    /** The types a project's clients may choose, as its profile lists them; empty: all of the project's types. */
    public static List<String> clientTicketTypesOf(String projectKey) {
        return of(projectKey).map(profile -> List.copyOf(profile.clientTicketTypes)).orElse(List.of());
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

    /** The custom fields a project's forms offer: those its profile marks visible (none without a profile). */
    public static List<String> visibleCustomFieldsOf(String projectKey) {
        return of(projectKey).map(profile -> List.copyOf(profile.visibleCustomFields)).orElse(List.of());
    }

    /** Whether clients may change anything of their tickets. */
    public boolean allowsEdits() {
        return editPriority || editType || !editableCustomFields.isEmpty();
    }

    /** Without loading the bytes: a logo and its type are always set and cleared together. */
    public boolean hasLogo() {
        return logoType != null;
    }
}
