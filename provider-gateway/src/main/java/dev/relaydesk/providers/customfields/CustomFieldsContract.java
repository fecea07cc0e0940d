package dev.relaydesk.providers.customfields;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The custom-fields contract with external services, version 1: when a client's ticket is created, the gateway
 * POSTs a {@link Request} (signed the Standard Webhooks way) and the service answers which extra fields the ticket
 * has and their pre-filled values for this client (e.g. the customer id from a billing system). ticket-service gets
 * checked {@link dev.relaydesk.contracts.CustomFieldSuggestions}.
 */
public final class CustomFieldsContract {

    public static final String VERSION = "custom-fields/v1";

    private CustomFieldsContract() {
    }

    @Schema(description = "The client whose ticket is being created, and its project")
    public record Request(
            @Schema(example = "ana@example.com") String clientEmail,
            @Schema(example = "Ana Lima") String clientName,
            @Schema(example = "SUP") String projectKey) {
    }

    /** What the external service answers; anything else is treated as no answer. */
    @Schema(description = "At most 50 fields")
    public record Answer(List<AnswerField> fields) {
    }

    public record AnswerField(
            @Schema(description = "The field's key: a lower-case letter, then letters, digits or _, at most 40",
                    example = "customerId") String name,
            @Schema(description = "1 to 100 characters", example = "Customer id") String label,
            @Schema(description = "text, number, date or select", example = "text") String type,
            @Schema(description = "Pre-filled value: text (at most 2000 characters), number or boolean; null for none",
                    example = "C-1042") Object value) {
    }
}
