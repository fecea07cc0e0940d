package dev.relaydesk.events;

import java.time.Instant;

/**
 * A client registered an account (role {@code client}) after their ticket link proved their address. Carries no
 * password, token or Keycloak id; the record key is the email in lower case, so a client's events stay in order.
 */
public record ClientRegistered(
        String email,
        String name,
        Instant registeredAt) implements RelaydeskEvent {

    @Override
    public String key() {
        return email.toLowerCase(java.util.Locale.ROOT);
    }
}
