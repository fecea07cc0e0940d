package dev.relaydesk.providers.screening;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The ticket-screening contract with external services, version 1: the gateway POSTs a
 * {@link dev.relaydesk.contracts.ScreeningDraft} (signed the Standard Webhooks way) and the service answers a
 * {@link Verdict}; ticket-service gets a {@link dev.relaydesk.contracts.ScreeningDecision}.
 */
public final class ScreeningContract {

    public static final String VERSION = "screening/v1";

    private ScreeningContract() {
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
}
