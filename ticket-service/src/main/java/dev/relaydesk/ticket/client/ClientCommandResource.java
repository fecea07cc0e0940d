package dev.relaydesk.ticket.client;

import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketStatus;
import dev.relaydesk.messaging.inbox.ProcessedEvents;
import dev.relaydesk.web.InvalidFieldException;
import dev.relaydesk.ticket.api.TicketViews.TicketSummary;
import dev.relaydesk.ticket.project.WorkflowStage;
import dev.relaydesk.ticket.ticket.Ticket;
import dev.relaydesk.ticket.ticket.TicketService;
import dev.relaydesk.ticket.ticket.TicketService.NewNote;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import dev.relaydesk.events.TicketPriority;
import dev.relaydesk.ticket.client.ClientProjectResource.ClientField;
import dev.relaydesk.ticket.field.CustomField;
import dev.relaydesk.ticket.field.CustomFieldValues;
import dev.relaydesk.ticket.project.TicketType;
import dev.relaydesk.ticket.ticket.TicketEdit;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a client may do to their own ticket, called by portal-service on their behalf (behind the internal
 * key). Scoped: the client must be the ticket's client, or the ticket is "not found". Each request carries
 * an id, so a retried request (a double click, a timeout) has its effect once.
 */
@Path("/internal/tickets/{id}/client")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class ClientCommandResource {

    /** @param attachmentIds files the client uploaded to the ticket beforehand (POST .../client/attachments) */
    public record ClientNote(@NotNull UUID requestId, @NotBlank String clientEmail,
            @NotBlank @Size(max = 20_000) String body, List<UUID> attachmentIds) {
    }

    public record ClientAction(@NotNull UUID requestId, @NotBlank String clientEmail) {
    }

    /**
     * A client's change to their ticket's details. portal-service sends only what the project's portal profile lets
     * clients edit; null leaves a detail as it is.
     *
     * @param customFields the custom fields to change (a null or blank value clears one)
     */
    public record ClientEdit(@NotNull UUID requestId, @NotBlank String clientEmail, TicketPriority priority,
            @Size(max = 60) String type, Map<String, Object> customFields) {
    }

    /** What the portal's edit form needs: the ticket's details, the project's types and custom fields. */
    public record ClientDetails(TicketPriority priority, String type, List<String> types,
            Map<String, Object> customFields, List<ClientField> fields) {
    }

    private static final String CONSUMER = "ticket-service.client-commands";

    private final TicketService tickets;
    private final ProcessedEvents processed;

    ClientCommandResource(TicketService tickets, ProcessedEvents processed) {
        this.tickets = tickets;
        this.processed = processed;
    }

    @POST
    @Path("/notes")
    public TicketSummary comment(@PathParam("id") UUID id, @Valid @NotNull ClientNote request) {
        Ticket ticket = ClientTickets.own(id, request.clientEmail());
        if (processed.claim("portal:" + request.requestId(), CONSUMER)) {
            tickets.addNote(ticket, new NewNote(NoteAuthor.CLIENT, ticket.clientName, ticket.clientEmail,
                    request.body(), true, false, null, request.attachmentIds(), ticket.clientEmail));
        }
        return TicketSummary.of(ticket);
    }

    /** The details the client may see for editing (the portal decides which of them the client may edit). */
    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public ClientDetails details(@PathParam("id") UUID id, @QueryParam("clientEmail") @NotBlank String clientEmail) {
        Ticket ticket = ClientTickets.own(id, clientEmail);
        return new ClientDetails(ticket.priority, ticket.type.name,
                TicketType.ofProject(ticket.project.id).stream().map(type -> type.name).toList(),
                new LinkedHashMap<>(ticket.customFields),
                CustomField.ofProject(ticket.project.id).stream().map(ClientField::of).toList());
    }

    /** The client changes details of their ticket; TicketUpdated tells agents and notifications, as for an agent's edit. */
    @POST
    @Path("/details")
    public TicketSummary edit(@PathParam("id") UUID id, @Valid @NotNull ClientEdit request) {
        Ticket ticket = ClientTickets.own(id, request.clientEmail());
        TicketType type = request.type() == null || request.type().isBlank() ? null
                : TicketType.byName(ticket.project.id, request.type().strip()).orElseThrow(() -> new InvalidFieldException(
                        "type", "Project " + ticket.project.key + " has no type \"" + request.type() + "\""));
        // required fields are not enforced here: a ticket from mail may lack one, and that must not block other edits
        Map<String, Object> fields = request.customFields() == null || request.customFields().isEmpty() ? null
                : CustomFieldValues.apply(ticket.project.id, ticket.customFields, request.customFields(), false);
        if (processed.claim("portal:" + request.requestId(), CONSUMER)) {
            tickets.update(ticket, new TicketEdit(null, request.priority(), type, null, null, fields), ticket.version,
                    ticket.clientEmail);
        }
        return TicketSummary.of(ticket);
    }

    @POST
    @Path("/close")
    public TicketSummary close(@PathParam("id") UUID id, @Valid @NotNull ClientAction request) {
        return moveIf(TicketStatus.OPEN, id, request, ticket -> WorkflowStage.last(ticket.project.id));
    }

    @POST
    @Path("/reopen")
    public TicketSummary reopen(@PathParam("id") UUID id, @Valid @NotNull ClientAction request) {
        return moveIf(TicketStatus.CLOSED, id, request, ticket -> WorkflowStage.first(ticket.project.id));
    }

    /** Moves the client's ticket to the target stage if it is in the given status; a repeated request does nothing. */
    private TicketSummary moveIf(TicketStatus current, UUID id, ClientAction request,
            Function<Ticket, WorkflowStage> target) {
        Ticket ticket = ClientTickets.own(id, request.clientEmail());
        if (processed.claim("portal:" + request.requestId(), CONSUMER) && ticket.status == current) {
            tickets.moveToStage(ticket, target.apply(ticket), ticket.version, NoteAuthor.CLIENT, ticket.clientEmail);
        }
        return TicketSummary.of(ticket);
    }
}
