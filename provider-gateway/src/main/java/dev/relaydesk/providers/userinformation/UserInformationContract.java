package dev.relaydesk.providers.userinformation;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The user-information contract with external services, version 1: the gateway POSTs a {@link Request} (signed
 * the Standard Webhooks way) and the service answers an {@link Answer}: a few titled sections of labelled items.
 * ticket-service gets a checked {@link dev.relaydesk.contracts.UserInformation}.
 */
public final class UserInformationContract {

    public static final String VERSION = "user-information/v1";

    private UserInformationContract() {
    }

    @Schema(description = "Who the agent is looking at: the client of a ticket")
    public record Request(
            @Schema(example = "ana@example.com") String clientEmail,
            @Schema(example = "Ana Lima") String clientName,
            @Schema(description = "The ticket the agent has open", example = "SUP-42") String ticketNumber,
            @Schema(example = "SUP") String projectKey) {
    }

    /** What the external service answers; anything else is treated as no answer. */
    @Schema(description = "At most 10 sections of at most 20 items each (100 items in all)")
    public record Answer(List<AnswerSection> sections) {
    }

    public record AnswerSection(
            @Schema(description = "1 to 100 characters", example = "Recent purchases") String title,
            List<AnswerItem> items) {
    }

    public record AnswerItem(
            @Schema(description = "1 to 100 characters", example = "Order 10-4471") String label,
            @Schema(description = "At most 500 characters, shown as plain text", example = "12 seats, paid 2026-11-02")
            String value,
            @Schema(description = "Optional link to see more: http or https only", example = "https://crm.example.com/orders/10-4471")
            String url) {
    }
}
