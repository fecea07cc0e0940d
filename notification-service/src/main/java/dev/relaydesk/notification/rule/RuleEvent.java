package dev.relaydesk.notification.rule;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The ticket events a rule can fire on, named in the admin API in lower case ("note_added"). */
public enum RuleEvent {
    CREATED,
    NOTE_ADDED,
    STAGE_CHANGED,
    ASSIGNED,
    UPDATED,
    CLOSED,
    REOPENED;

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RuleEvent> ofSlug(String slug) {
        return Arrays.stream(values()).filter(event -> event.slug().equalsIgnoreCase(slug)).findFirst();
    }
}
