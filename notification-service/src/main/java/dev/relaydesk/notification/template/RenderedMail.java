package dev.relaydesk.notification.template;

/** A template rendered for one mail: subject, plain-text part and HTML part. */
public record RenderedMail(String subject, String text, String html) {
}
