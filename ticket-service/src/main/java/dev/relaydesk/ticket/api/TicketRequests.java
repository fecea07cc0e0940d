package dev.relaydesk.ticket.api;

import dev.relaydesk.events.TicketPriority;
import dev.relaydesk.events.TicketSource;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What agents send to the ticket API. */
public final class TicketRequests {

    private TicketRequests() {
    }

    /**
     * A ticket an agent (or a system with an agent's token) opens for a client.
     *
     * @param project null for the default project
     * @param type    null for the project's default type
     * @param source  AGENT (default) or API
     * @param clientPhone the client's mobile number for SMS updates, international (E.164) form; optional
     */
    public record CreateTicket(
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 100_000) String description,
            @NotBlank @Email @Size(max = 320) String clientEmail,
            @Size(max = 200) String clientName,
            @Size(max = 200) String clientOrganization,
            String project,
            String type,
            TicketPriority priority,
            Map<String, Object> customFields,
            TicketSource source,
            @Size(max = 40) String clientPhone) {
    }

    /** Changes to a ticket's fields; what is absent stays as it is (an empty clientPhone removes the number). */
    public record EditTicket(
            @NotNull Long version,
            @Size(min = 1, max = 300) String title,
            TicketPriority priority,
            String type,
            @Size(max = 200) String clientName,
            @Size(max = 200) String clientOrganization,
            Map<String, Object> customFields,
            @Size(max = 40) String clientPhone) {
    }

    /** @param attachmentIds files this agent uploaded to the ticket beforehand (POST .../attachments) */
    public record NoteRequest(@NotBlank @Size(max = 100_000) String body, Boolean publicNote, Boolean notifyClient,
            List<UUID> attachmentIds) {
    }

    public record StageMove(@NotBlank String stage, @NotNull Long version) {
    }

    /** The complete new set of assignees (empty unassigns everyone). */
    public record AssigneesRequest(@NotNull List<@NotBlank String> assignees, @NotNull Long version) {
    }

    public record ClaimRequest(@NotNull Long version) {
    }
}
