package dev.relaydesk.notification.agent;

/** How to reach an agent: their address, the name mails call them by, and their language if Keycloak knows it. */
public record AgentContact(String username, String email, String displayName, String locale) {
}
