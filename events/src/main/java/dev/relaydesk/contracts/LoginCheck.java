package dev.relaydesk.contracts;

/**
 * A login Keycloak does not know itself (Keycloak's Relay Desk login provider to provider-gateway,
 * {@code POST /internal/login/lookup} without a password, {@code /internal/login/verify} with one). The gateway
 * passes it on to the external login service, contract {@code login/v1}. Never logged: {@link #toString()} hides
 * the password.
 */
public record LoginCheck(String username, String password) {

    @Override
    public String toString() {
        return "LoginCheck[" + username + (password == null ? "" : ", password hidden") + "]";
    }
}
