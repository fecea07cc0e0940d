package dev.relaydesk.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What provider-gateway tells ticket-service about the extra fields of a client's ticket ({@code GET
 * /internal/custom-fields}): the external provider's fields with their pre-filled values for this client, already
 * checked, or why there are none. ticket-service uses the values of the fields its project defines and the client
 * left empty. {@code reason} says why the provider was unavailable (for logs).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomFieldSuggestions(Status status, List<Field> fields, String reason) {

    public enum Status {
        AVAILABLE, UNAVAILABLE, NOT_CONFIGURED
    }

    /**
     * One field: {@code name} is the custom field's key, {@code type} text, number, date or select, and
     * {@code value} a text, number or boolean (or null: shown, not pre-filled).
     */
    public record Field(String name, String label, String type, Object value) {
    }

    public CustomFieldSuggestions {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public static CustomFieldSuggestions available(List<Field> fields) {
        return new CustomFieldSuggestions(Status.AVAILABLE, fields, null);
    }

    public static CustomFieldSuggestions unavailable(String reason) {
        return new CustomFieldSuggestions(Status.UNAVAILABLE, List.of(), reason);
    }

    public static CustomFieldSuggestions notConfigured() {
        return new CustomFieldSuggestions(Status.NOT_CONFIGURED, List.of(), null);
    }
}
