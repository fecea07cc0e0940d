package dev.relaydesk.providers.screening;

import dev.relaydesk.providers.screening.ScreeningContract.Decision;
import dev.relaydesk.providers.screening.ScreeningContract.Draft;
import jakarta.validation.Valid;
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
    public Decision screen(@Valid @NotNull Draft draft) {
        return screening.screen(draft);
    }
}
