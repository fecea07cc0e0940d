package dev.relaydesk.providers.registration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The registration contract with external services, version 1: the gateway POSTs a
 * {@link dev.relaydesk.contracts.RegistrationRequest} (signed the Standard Webhooks way) and the service answers a
 * {@link Verdict}.
 */
public final class RegistrationContract {

    public static final String VERSION = "registration/v1";

    private RegistrationContract() {
    }

    @Schema(description = "The external service's answer: allow the account, or veto it with a reason for the client")
    public record Verdict(
            @Schema(description = "allow or veto", example = "veto") String decision,
            @Schema(description = "veto: what the client is told", example = "Accounts are for contract customers only.")
            String message) {
    }
}
