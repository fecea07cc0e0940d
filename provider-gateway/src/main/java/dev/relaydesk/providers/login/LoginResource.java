package dev.relaydesk.providers.login;

import dev.relaydesk.contracts.LoginCheck;
import dev.relaydesk.contracts.LoginOutcome;
import dev.relaydesk.contracts.LoginPage;
import dev.relaydesk.web.InvalidFieldException;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * For Keycloak's Relay Desk login provider (keycloak-login-provider), with the internal API key: logins Keycloak
 * does not know itself. Always 200 with {@code ok} true or false for a well-formed question, whatever the external
 * service does. And for portal-service: where its "log in" links go.
 */
@Path("/internal/login")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class LoginResource {

    private static final int MAX_USERNAME = 255;
    private static final int MAX_PASSWORD = 1024;

    private final ExternalLogin login;

    LoginResource(ExternalLogin login) {
        this.login = login;
    }

    @POST
    @Path("/lookup")
    @Operation(summary = "Does the external login service know this user, and who is it? (no password)")
    public LoginOutcome lookup(@NotNull LoginCheck check) {
        return login.lookup(username(check));
    }

    @POST
    @Path("/verify")
    @Operation(summary = "Is this user's password right, says the external login service? And who is the user?")
    public LoginOutcome verify(@NotNull LoginCheck check) {
        String username = username(check);
        if (check.password() == null || check.password().isEmpty() || check.password().length() > MAX_PASSWORD) {
            throw new InvalidFieldException("password", "Required, at most " + MAX_PASSWORD + " characters.");
        }
        return login.verify(username, check.password());
    }

    @GET
    @Path("/page")
    @Operation(summary = "The login provider's own login page, if the admin named one (null: clients log in on Keycloak)")
    public LoginPage page() {
        return new LoginPage(login.loginPage().orElse(null));
    }

    private static String username(LoginCheck check) {
        if (check.username() == null || check.username().isBlank() || check.username().strip().length() > MAX_USERNAME) {
            throw new InvalidFieldException("username", "Required, at most " + MAX_USERNAME + " characters.");
        }
        return check.username().strip().toLowerCase(Locale.ROOT);
    }
}
