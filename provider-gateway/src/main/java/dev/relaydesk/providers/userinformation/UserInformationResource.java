package dev.relaydesk.providers.userinformation;

import dev.relaydesk.contracts.UserInformation;
import dev.relaydesk.providers.userinformation.UserInformationContract.Request;
import dev.relaydesk.web.InvalidFieldException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For ticket-service, when an agent opens a ticket page (internal API key). */
@Path("/internal/user-information")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class UserInformationResource {

    private final UserInformationLookup lookup;

    UserInformationResource(UserInformationLookup lookup) {
        this.lookup = lookup;
    }

    @GET
    @Operation(summary = "What the user-information provider knows of a client",
            description = "Always 200: status AVAILABLE with sections, UNAVAILABLE (the provider did not answer usably "
                    + "within its timeout) or NOT_CONFIGURED. Answers are cached per client email for the provider's "
                    + "cacheTtlSeconds.")
    public UserInformation about(@QueryParam("email") String email, @QueryParam("name") String name,
            @QueryParam("ticket") String ticketNumber, @QueryParam("project") String projectKey) {
        return lookup.about(new Request(required("email", email, 320), optional("name", name, 200),
                optional("ticket", ticketNumber, 40), optional("project", projectKey, 20)));
    }

    private static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "Required, at most " + maxLength + " characters.");
        }
        return optional(field, value, maxLength);
    }

    private static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidFieldException(field, "At most " + maxLength + " characters.");
        }
        return value.strip();
    }
}
