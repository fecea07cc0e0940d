package dev.relaydesk.identity.client;

import dev.relaydesk.contracts.RegistrationDecision;
import dev.relaydesk.contracts.RegistrationRequest;
import dev.relaydesk.web.ConflictException;
import dev.relaydesk.web.InvalidFieldException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Registers a client: a Keycloak account with role {@code client}, username and email the client's address. Only
 * portal-service calls this (behind the internal key), after the client's ticket link proved the address, so the
 * email is marked verified.
 */
@Path("/internal/clients")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ClientRegistrationResource {

    public static final String CLIENT_ROLE = "client";

    public record Registration(@NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
            @NotNull String password) {
    }

    public record Registered(String id, String email) {
    }

    private static final Logger LOG = Logger.getLogger(ClientRegistrationResource.class);

    private final KeycloakUsers users;
    private final RegistrationGateway providers;

    ClientRegistrationResource(KeycloakUsers users, @RestClient RegistrationGateway providers) {
        this.users = users;
        this.providers = providers;
    }

    @POST
    public RestResponse<Registered> register(@Valid @NotNull Registration registration) {
        String email = registration.email().strip().toLowerCase(Locale.ROOT);
        PasswordRules.problem(registration.password(), email).ifPresent(problem -> {
            throw new InvalidFieldException("password", problem);
        });
        askRegistrationProvider(email, registration);
        try {
            String id = users.create(email, registration.firstName().strip(), registration.lastName().strip(),
                    registration.password(), CLIENT_ROLE);
            LOG.infof("Client account %s registered", id);
            return RestResponse.status(RestResponse.Status.CREATED, new Registered(id, email));
        } catch (KeycloakUsers.AlreadyExistsException e) {
            throw new ConflictException("An account with this email address exists already.");
        } catch (KeycloakUsers.RefusedException e) {
            throw new InvalidFieldException("password", e.getMessage());
        } catch (IllegalStateException e) {
            LOG.warnf("Client registration failed: %s", e.getMessage());
            throw new WebApplicationException("Accounts cannot be created right now; try again shortly.", 503);
        }
    }

    /**
     * The admin's registration provider may veto (its words go to the client). When provider-gateway itself cannot
     * be reached the client registers: the gateway is our own service, and its outage must not lock clients out.
     */
    private void askRegistrationProvider(String email, Registration registration) {
        RegistrationDecision decision;
        try {
            decision = providers.check(new RegistrationRequest(email, registration.firstName().strip(),
                    registration.lastName().strip()));
        } catch (RuntimeException e) {
            LOG.warnf("provider-gateway did not answer the registration check (%s); registering", e.getMessage());
            return;
        }
        if (!decision.allowed()) {
            LOG.infof("The registration provider vetoed a registration%s", decision.fallback() ? " (its fallback)" : "");
            throw new RegistrationVetoedException(decision.message());
        }
    }
}
