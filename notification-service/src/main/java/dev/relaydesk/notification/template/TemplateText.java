package dev.relaydesk.notification.template;

/** A mail template's three parts, as Qute source. */
public record TemplateText(String subject, String text, String html) {
}
