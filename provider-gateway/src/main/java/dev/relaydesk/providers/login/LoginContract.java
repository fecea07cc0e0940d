package dev.relaydesk.providers.login;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The login contract with external services, version 1: the gateway POSTs a {@link Request} (signed the Standard
 * Webhooks way) and the service answers an {@link Answer}. {@code lookup} asks who a login is (no password; Keycloak
 * asks before it checks a password), {@code verify} whether the password is right.
 */
public final class LoginContract {

    public static final String VERSION = "login/v1";

    private LoginContract() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "What the gateway asks the external login service")
    public record Request(
            @Schema(description = "lookup or verify", example = "verify") String action,
            @Schema(description = "What the user typed as user name or email (lower case)", example = "ana@example.com")
            String username,
            @Schema(description = "verify only: the password the user typed") String password) {

        @Override
        public String toString() {
            return "LoginRequest[" + action + ", " + username + "]"; // never the password
        }
    }

    @Schema(description = "The external service's answer")
    public record Answer(
            @Schema(description = "lookup: found or unknown; verify: valid, invalid or unknown", example = "valid")
            String result,
            @Schema(description = "found and valid: who the user is") User user) {
    }

    @Schema(description = "Who the user is")
    public record User(
            @Schema(description = "Required", example = "ana@example.com") String email,
            @Schema(example = "Ana") String firstName,
            @Schema(example = "Lima") String lastName,
            @Schema(description = "Whether the service has verified this email (the admin may mark every email verified)")
            Boolean emailVerified) {
    }
}
