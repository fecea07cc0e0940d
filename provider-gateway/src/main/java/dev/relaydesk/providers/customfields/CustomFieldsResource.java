package dev.relaydesk.providers.customfields;

import dev.relaydesk.contracts.CustomFieldSuggestions;
import dev.relaydesk.providers.customfields.CustomFieldsContract.Request;
import dev.relaydesk.web.InvalidFieldException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For ticket-service, when a client's ticket is created (internal API key). */
@Path("/internal/custom-fields")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class CustomFieldsResource {

    private final CustomFieldsLookup lookup;

    CustomFieldsResource(CustomFieldsLookup lookup) {
        this.lookup = lookup;
    }

    @GET
    @Operation(summary = "The extra fields of a client's ticket and their pre-filled values",
            description = "Always 200: status AVAILABLE with fields, UNAVAILABLE (the provider did not answer usably "
                    + "within its timeout) or NOT_CONFIGURED.")
    public CustomFieldSuggestions fields(@QueryParam("email") String email, @QueryParam("name") String name,
            @QueryParam("project") String projectKey) {
        return lookup.forClient(new Request(required("email", email, 320), optional("name", name, 200),
                required("project", projectKey, 20)));
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
