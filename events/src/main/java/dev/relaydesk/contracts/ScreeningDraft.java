package dev.relaydesk.contracts;

import java.util.Map;

/**
 * A ticket about to be created, as ticket-service asks provider-gateway to screen it ({@code POST
 * /internal/screening}) and as the gateway forwards it to an external screening service (contract screening/v1).
 *
 * @param source       EMAIL, WEB_FORM, PORTAL, AGENT or API
 * @param customFields the values the client gave, by field key
 */
public record ScreeningDraft(String projectKey, String type, String title, String description, String clientEmail,
        String clientName, String source, Map<String, Object> customFields) {

    public ScreeningDraft {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }
}
