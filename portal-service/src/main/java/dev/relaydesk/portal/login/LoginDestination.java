package dev.relaydesk.portal.login;

import dev.relaydesk.contracts.LoginPage;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Where a client who wants to log in is sent: the company's own login page when the admin's login provider names
 * one (with {@value #RETURN_PARAMETER} = the portal page to come back to), else the portal page itself, which sends
 * the client to Keycloak's login as it always did.
 */
@ApplicationScoped
public class LoginDestination {

    /** The query parameter the company's login page receives: the absolute portal URL to send the client back to. */
    public static final String RETURN_PARAMETER = "return_url";
    private static final Logger LOG = Logger.getLogger(LoginDestination.class);

    private final LoginPageGateway gateway;
    private final String publicUrl;

    LoginDestination(@RestClient LoginPageGateway gateway, @ConfigProperty(name = "relaydesk.portal.public-url") String publicUrl) {
        this.gateway = gateway;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** @param portalPath a path of the portal's logged-in pages (/my/...), already checked */
    public URI forClient(String portalPath) {
        return companyLoginPage()
                .map(page -> URI.create(page + (page.contains("?") ? "&" : "?") + RETURN_PARAMETER + "="
                        + URLEncoder.encode(publicUrl + portalPath, StandardCharsets.UTF_8)))
                .orElse(URI.create(portalPath));
    }

    private Optional<String> companyLoginPage() {
        try {
            LoginPage page = gateway.loginPage();
            return Optional.ofNullable(page == null ? null : page.loginUrl()).filter(LoginDestination::absoluteHttp);
        } catch (RuntimeException e) { // down, slow or refusing: Keycloak's login still works
            LOG.debugf("provider-gateway's login page not available (%s): clients log in on Keycloak", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** The gateway checks this when the admin saves it; checked again since it becomes a redirect. */
    private static boolean absoluteHttp(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getFragment() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
