package dev.relaydesk.events;

public enum TicketSource {
    EMAIL,
    WEB_FORM,
    PORTAL,
    AGENT,
    API
}
