package dev.relaydesk.providers.registration;

import dev.relaydesk.contracts.RegistrationDecision;
import dev.relaydesk.contracts.RegistrationRequest;
import dev.relaydesk.web.InvalidFieldException;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For identity-service, right before it creates a client's account (internal API key). */
@Path("/internal/registration")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class RegistrationResource {

    private final RegistrationCheck check;

    RegistrationResource(RegistrationCheck check) {
        this.check = check;
    }

    @POST
    @Operation(summary = "May this client register? Allowed, or vetoed with a message for the client")
    public RegistrationDecision check(@NotNull RegistrationRequest request) {
        if (request.email() == null || request.email().isBlank() || request.email().length() > 320) {
            throw new InvalidFieldException("email", "Required, at most 320 characters.");
        }
        return check.check(request);
    }
}
