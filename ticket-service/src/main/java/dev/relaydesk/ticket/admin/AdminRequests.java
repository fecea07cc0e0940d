package dev.relaydesk.ticket.admin;

import dev.relaydesk.ticket.field.CustomField.FieldType;
import dev.relaydesk.ticket.project.ClosedReplyPolicy;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What admins send to configure projects. */
public final class AdminRequests {

    private AdminRequests() {
    }

    /**
     * @param stages      the board columns in order, the last meaning closed; default New, In progress, Closed
     * @param defaultType the type new tickets get; created if missing, default "General"
     */
    public record CreateProject(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9]{1,9}", message = "2 to 10 capital letters or digits, starting with a letter") String key,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Email @Size(max = 320) String inboundAddress,
            @Size(min = 2, max = 20) List<@NotBlank @Size(max = 60) String> stages,
            @Size(max = 60) String defaultType) {
    }

    public record EditProject(@Size(min = 1, max = 100) String name, @Email @Size(max = 320) String inboundAddress,
            @Size(max = 60) String defaultType) {
    }

    /**
     * What a client's mailed reply to a closed ticket does.
     *
     * @param policy          {@code REOPEN} (within the grace period; later as {@code NEW_LINKED}), {@code NEW_LINKED}
     *                        (a new ticket linked to the closed one) or {@code ANSWER_WITH_TEMPLATE} (the client gets
     *                        the project's automatic answer; the ticket stays closed)
     * @param reopenGraceDays days after closing during which a reply reopens the ticket (REOPEN only); unchanged when
     *                        left out, 0 means never
     */
    public record ClosedReplySettings(@NotNull ClosedReplyPolicy policy,
            @Min(0) @Max(value = 3650, message = "at most 3650 days") Integer reopenGraceDays) {
    }

    /** @param position where the column goes (0 is first); default just before the closing stage */
    public record NewStage(@NotBlank @Size(max = 60) String name, @Min(0) Integer position) {
    }

    public record RenameStage(@NotBlank @Size(max = 60) String name) {
    }

    /** Every stage of the project, in the new order; the closing stage must stay last. */
    public record StageOrder(@NotNull @Size(min = 2) List<@NotBlank String> stages) {
    }

    public record NewType(@NotBlank @Size(max = 60) String name, Boolean notifyAgentsOnNew) {
    }

    public record EditType(@Size(min = 1, max = 60) String name, Boolean notifyAgentsOnNew) {
    }

    /** The complete list of agents (Keycloak usernames) who may manage the type. */
    public record TypeAgents(@NotNull List<@NotBlank @Size(max = 100) String> agents) {
    }

    public record NewField(
            @NotBlank @Pattern(regexp = "[a-z][a-zA-Z0-9_]{0,39}", message = "a letter, then letters, digits or _ (at most 40)") String key,
            @NotBlank @Size(max = 100) String label,
            @NotNull FieldType type,
            Boolean required,
            List<@NotBlank @Size(max = 100) String> options) {
    }
}
