package dev.relaydesk.providers.screening;

import dev.relaydesk.contracts.ScreeningDecision;
import dev.relaydesk.contracts.ScreeningDraft;
import dev.relaydesk.web.InvalidFieldException;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For ticket-service, right before it creates a ticket (internal API key). */
@Path("/internal/screening")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class ScreeningResource {

    private final TicketScreening screening;

    ScreeningResource(TicketScreening screening) {
        this.screening = screening;
    }

    @POST
    @Operation(summary = "Screen a ticket about to be created: accept (perhaps redirected, with fields set) or reject")
    public ScreeningDecision screen(@NotNull ScreeningDraft draft) {
        required("projectKey", draft.projectKey(), 20);
        required("title", draft.title(), 500);
        required("clientEmail", draft.clientEmail(), 320);
        required("source", draft.source(), 20);
        return screening.screen(draft);
    }

    private static void required(String field, String value, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new InvalidFieldException(field, "Required, at most " + maxLength + " characters.");
        }
    }
}
