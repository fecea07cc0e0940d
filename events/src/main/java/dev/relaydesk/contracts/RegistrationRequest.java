package dev.relaydesk.contracts;

/**
 * A client asking for an account (identity-service to provider-gateway, and in the gateway's signed POST to an
 * external registration provider, contract {@code registration/v1}). Never carries the password.
 */
public record RegistrationRequest(String email, String firstName, String lastName) {
}
