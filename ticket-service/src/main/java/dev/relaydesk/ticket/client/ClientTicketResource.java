package dev.relaydesk.ticket.client;

import dev.relaydesk.events.TicketSource;
import dev.relaydesk.ticket.api.IdempotencyKeys;
import dev.relaydesk.web.InvalidFieldException;
import dev.relaydesk.web.PhoneNumbers;
import dev.relaydesk.ticket.api.TicketViews.TicketSummary;
import dev.relaydesk.ticket.project.Project;
import dev.relaydesk.ticket.project.ProjectForNewTicket;
import dev.relaydesk.ticket.project.TicketType;
import dev.relaydesk.ticket.ticket.Ticket;
import dev.relaydesk.ticket.ticket.TicketService;
import dev.relaydesk.ticket.ticket.TicketService.NewTicket;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A client opens a ticket through the web form or the portal; portal-service calls this on their behalf
 * (behind the internal key). The request id makes a retry return the first ticket instead of a second one.
 */
@Path("/internal/tickets")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class ClientTicketResource {

    /**
     * @param project null for the default project
     * @param type    null for the project's default type
     * @param source  WEB_FORM or PORTAL
     * @param clientPhone the client's mobile number for SMS updates, international (E.164) form; optional
     */
    public record ClientTicket(@NotNull UUID requestId, @NotNull TicketSource source,
            @NotBlank @Email @Size(max = 320) String clientEmail, @Size(max = 200) String clientName,
            @Size(max = 200) String clientOrganization, String project, String type,
            @NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 20_000) String description,
            Map<String, Object> customFields, @Size(max = 40) String clientPhone) {
    }

    private static final String CALLER = "portal";

    private final TicketService tickets;
    private final IdempotencyKeys idempotencyKeys;

    ClientTicketResource(TicketService tickets, IdempotencyKeys idempotencyKeys) {
        this.tickets = tickets;
        this.idempotencyKeys = idempotencyKeys;
    }

    @POST
    public RestResponse<TicketSummary> open(@Valid @NotNull ClientTicket request) {
        Optional<UUID> earlier = idempotencyKeys.ticketFor(CALLER, request.requestId().toString());
        if (earlier.isPresent()) {
            return RestResponse.ok(TicketSummary.of(Ticket.findById(earlier.get())));
        }
        if (request.source() != TicketSource.WEB_FORM && request.source() != TicketSource.PORTAL) {
            throw new InvalidFieldException("source", "A client's ticket comes from WEB_FORM or PORTAL");
        }
        ProjectForNewTicket target = ProjectForNewTicket.chosen(request.project());
        Project project = target.project();
        TicketType type = request.type() == null ? project.defaultType
                : TicketType.byName(project.id, request.type()).orElseThrow(() -> new InvalidFieldException("type",
                        "Project " + project.key + " has no type \"" + request.type() + "\""));
        Map<String, Object> fields = target.newTicketFields(request.customFields());
        String client = request.clientEmail().strip();
        String phone = PhoneNumbers.normalized("clientPhone", request.clientPhone());
        Ticket ticket = tickets.open(new NewTicket(project, type, request.title().strip(), request.description(), client,
                request.clientName(), request.clientOrganization(), null, fields, request.source(), null, client, phone),
                target.firstStage());
        idempotencyKeys.remember(CALLER, request.requestId().toString(), ticket.id);
        return RestResponse.status(RestResponse.Status.CREATED, TicketSummary.of(ticket));
    }
}
