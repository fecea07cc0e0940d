package dev.relaydesk.ticket.field;

import dev.relaydesk.contracts.CustomFieldSuggestions;
import dev.relaydesk.contracts.CustomFieldSuggestions.Field;
import dev.relaydesk.contracts.CustomFieldSuggestions.Status;
import dev.relaydesk.events.TicketSource;
import dev.relaydesk.ticket.project.Project;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Fills in the custom fields a client left empty on a new ticket with what the custom-fields provider knows of
 * them (say, the customer id from a billing system). Only fields the project defines, only values that fit them;
 * the client's own values always win. When the provider or the gateway cannot answer, the ticket is created as
 * the client wrote it.
 */
@ApplicationScoped
public class PrefilledFields {

    private static final Logger LOG = Logger.getLogger(PrefilledFields.class);
    private static final Set<TicketSource> CLIENT_SOURCES = EnumSet.of(TicketSource.EMAIL, TicketSource.WEB_FORM,
            TicketSource.PORTAL);

    private final CustomFieldsGateway gateway;
    private final boolean enabled;
    private final MeterRegistry metrics;

    PrefilledFields(@RestClient CustomFieldsGateway gateway,
            @ConfigProperty(name = "relaydesk.providers.custom-fields.enabled", defaultValue = "true") boolean enabled,
            MeterRegistry metrics) {
        this.gateway = gateway;
        this.enabled = enabled;
        this.metrics = metrics;
    }

    /** The ticket's values: the client's, plus the provider's for the project's fields the client left empty. */
    public Map<String, Object> fill(TicketSource source, Project project, String clientEmail, String clientName,
            Map<String, Object> given) {
        if (!enabled || !CLIENT_SOURCES.contains(source) || CustomField.ofProject(project.id).isEmpty()) {
            return given;
        }
        CustomFieldSuggestions suggestions;
        try {
            suggestions = gateway.fields(clientEmail, clientName, project.key);
        } catch (RuntimeException e) {
            LOG.warnf("Custom-field values unavailable (%s); the ticket is created as the client wrote it",
                    e.getClass().getSimpleName());
            metrics.counter("relaydesk.custom-fields.unavailable").increment();
            return given;
        }
        if (suggestions == null || suggestions.status() != Status.AVAILABLE) {
            return given;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : suggestions.fields()) {
            if (field.name() != null && field.value() != null) {
                values.put(field.name(), field.value());
            }
        }
        return CustomFieldValues.prefill(project.id, given, values);
    }
}
