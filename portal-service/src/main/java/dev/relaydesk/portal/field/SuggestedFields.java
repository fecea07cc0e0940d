package dev.relaydesk.portal.field;

import dev.relaydesk.contracts.CustomFieldSuggestions;
import dev.relaydesk.contracts.CustomFieldSuggestions.Field;
import dev.relaydesk.contracts.CustomFieldSuggestions.Status;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The custom-fields provider's extra fields for a client (say, the customer id from a billing system), by field key,
 * with their pre-filled values (null: shown, not pre-filled). When the gateway or the provider cannot answer in
 * time there are none: the form never waits for them.
 */
@ApplicationScoped
public class SuggestedFields {

    private static final Logger LOG = Logger.getLogger(SuggestedFields.class);

    private final CustomFieldsGateway gateway;
    private final boolean enabled;

    SuggestedFields(@RestClient CustomFieldsGateway gateway,
            @ConfigProperty(name = "relaydesk.providers.custom-fields.enabled", defaultValue = "true") boolean enabled) {
        this.gateway = gateway;
        this.enabled = enabled;
    }

    public Map<String, String> forClient(String email, String name, String projectKey) {
        if (!enabled || email == null || projectKey == null) {
            return Map.of();
        }
        CustomFieldSuggestions suggestions;
        try {
            suggestions = gateway.fields(email, name, projectKey);
        } catch (RuntimeException e) {
            LOG.warnf("Custom-field suggestions unavailable (%s); the form shows without them", e.getClass().getSimpleName());
            return Map.of();
        }
        if (suggestions == null || suggestions.status() != Status.AVAILABLE) {
            return Map.of();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Field field : suggestions.fields()) {
            if (field.name() != null && !field.name().isBlank()) {
                fields.put(field.name(), field.value() == null ? null : field.value().toString());
            }
        }
        return Collections.unmodifiableMap(fields);
    }
}
