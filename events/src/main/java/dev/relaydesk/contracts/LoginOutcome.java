package dev.relaydesk.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * provider-gateway's answer to Keycloak's login provider: {@code ok} means "this user exists" (lookup) or "these
 * credentials are valid" (verify). When ok: who the user is, with the admin's settings applied ({@code role} is
 * {@code client} or absent; {@code emailVerified} is true when the admin marks emails verified). {@code reason}
 * says why the external service's answer was not used (for logs; never shown to the user).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoginOutcome(boolean ok, String email, String firstName, String lastName, boolean emailVerified,
        String role, String reason) {

    public static LoginOutcome no() {
        return new LoginOutcome(false, null, null, null, false, null, null);
    }

    public static LoginOutcome no(String reason) {
        return new LoginOutcome(false, null, null, null, false, null, reason);
    }
}
