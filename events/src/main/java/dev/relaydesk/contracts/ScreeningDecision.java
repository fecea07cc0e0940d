package dev.relaydesk.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What provider-gateway tells ticket-service to do with a {@link ScreeningDraft}: accept it (in another project,
 * with another type, with custom fields set, where those are not null or empty) or reject it with a message for
 * the client. {@code fallback} is true when the external service gave no usable answer and the admin's fallback
 * decided; {@code reason} then says why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScreeningDecision(Outcome outcome, String projectKey, String type, Map<String, Object> customFields,
        String message, boolean fallback, String reason) {

    public enum Outcome {
        ACCEPT, REJECT
    }

    public ScreeningDecision {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    /** Create the ticket as it is. */
    public static ScreeningDecision unchanged() {
        return new ScreeningDecision(Outcome.ACCEPT, null, null, Map.of(), null, false, null);
    }

    public boolean rejected() {
        return outcome == Outcome.REJECT;
    }
}
