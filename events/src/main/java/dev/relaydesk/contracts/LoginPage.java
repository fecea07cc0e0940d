package dev.relaydesk.contracts;

/**
 * Where clients log in, as provider-gateway tells portal-service ({@code GET /internal/login/page}): the login
 * provider's own login page when the admin named one ({@code loginUrl}, an absolute http(s) URL), else null and the
 * portal sends clients to Keycloak.
 */
public record LoginPage(String loginUrl) {
}
