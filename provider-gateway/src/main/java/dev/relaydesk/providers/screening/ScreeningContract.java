package dev.relaydesk.providers.screening;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The ticket-screening contract, version 1. The gateway POSTs a {@link Draft} (signed the Standard Webhooks way)
 * to the external service, which answers with a {@link Verdict}; callers of the gateway get a {@link Decision}.
 */
public final class ScreeningContract {

    public static final String VERSION = "screening/v1";

    private ScreeningContract() {
    }

    @Schema(description = "A ticket about to be created")
    public record Draft(
            @NotBlank @Size(max = 20) String projectKey,
            @Size(max = 200) String type,
            @NotBlank @Size(max = 500) String title,
            @Size(max = 100_000) String description,
            @NotBlank @Size(max = 320) String clientEmail,
            @Size(max = 200) String clientName,
            @Schema(description = "EMAIL, WEB_FORM, PORTAL, AGENT or API") @NotBlank String source,
            Map<String, Object> customFields) {
    }

    /** What the external service answers; anything else is treated as no answer. */
    @Schema(description = "The external service's answer: accept (optionally redirected and with fields set) or reject")
    public record Verdict(
            @Schema(description = "accept or reject", example = "accept") String decision,
            @Schema(description = "accept: create it in this project instead", example = "SALES") String projectKey,
            @Schema(description = "accept: create it with this ticket type instead", example = "Sales") String type,
            @Schema(description = "accept: custom field values to set (text, number or boolean)",
                    example = "{\"customerId\": \"C-1042\"}") Map<String, Object> customFields,
            @Schema(description = "reject: what the client is told", example = "We only handle tickets of contract customers.")
            String message) {
    }

    public enum Outcome {
        ACCEPT, REJECT
    }

    /**
     * What the ticket's creator does. {@code fallback} is true when the provider did not answer usably and the
     * admin's fallback decided; {@code reason} then says why (never the provider's secret or full answer).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(Outcome outcome, String projectKey, String type, Map<String, Object> customFields,
            String message, boolean fallback, String reason) {

        static Decision unchanged() {
            return new Decision(Outcome.ACCEPT, null, null, Map.of(), null, false, null);
        }
    }
}
