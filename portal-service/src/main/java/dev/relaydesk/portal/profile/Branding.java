package dev.relaydesk.portal.profile;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * The profile of the project the current page belongs to, for the layout and the ticket page
 * ({@code inject:branding} in templates). A page names its project with {@link #use}; otherwise, or for a
 * project without a profile, the portal looks plain.
 */
@Named("branding")
@RequestScoped
public class Branding {

    private PortalProfile profile;

    public void use(String projectKey) {
        profile = PortalProfile.of(projectKey).orElse(null);
    }

    public boolean hasLogo() {
        return profile != null && profile.hasLogo();
    }

    public String logoUrl() {
        return hasLogo() ? LogoResource.path(profile.projectKey) + "?v=" + profile.updatedAt.toEpochMilli() : null;
    }

    public String linkUrl() {
        return Optional.ofNullable(profile).map(p -> p.linkUrl).orElse(null);
    }

    public String welcomeText() {
        return Optional.ofNullable(profile).map(p -> p.welcomeText).orElse(null);
    }

    public boolean showsPriority() {
        return profile != null && profile.showPriority;
    }

    public boolean showsType() {
        return profile != null && profile.showType;
    }
}
