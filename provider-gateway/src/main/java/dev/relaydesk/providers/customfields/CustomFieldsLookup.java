package dev.relaydesk.providers.customfields;

import dev.relaydesk.contracts.CustomFieldSuggestions;
import dev.relaydesk.contracts.CustomFieldSuggestions.Field;
import dev.relaydesk.providers.customfields.CustomFieldsContract.Answer;
import dev.relaydesk.providers.customfields.CustomFieldsContract.AnswerField;
import dev.relaydesk.providers.customfields.CustomFieldsContract.Request;
import dev.relaydesk.providers.outbound.ProviderCallException;
import dev.relaydesk.providers.setting.ProviderSetting;
import dev.relaydesk.providers.setting.ProviderSetting.Kind;
import dev.relaydesk.providers.setting.ProviderSetting.Mode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Which extra fields a client's ticket has and their pre-filled values, from the external provider, checked against
 * the contract. No provider: none; a provider that fails (down, slow, nonsense, circuit open): "unavailable", and
 * the ticket is created without them.
 */
@ApplicationScoped
public class CustomFieldsLookup {

    static final int MAX_FIELDS = 50;
    static final int MAX_LABEL = 100;
    static final int MAX_TEXT = 2000;
    static final Set<String> TYPES = Set.of("text", "number", "date", "select");
    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9_]{0,39}");
    private static final Logger LOG = Logger.getLogger(CustomFieldsLookup.class);

    private final CustomFieldsClient client;
    private final MeterRegistry metrics;

    CustomFieldsLookup(CustomFieldsClient client, MeterRegistry metrics) {
        this.client = client;
        this.metrics = metrics;
    }

    public CustomFieldSuggestions forClient(Request request) {
        Optional<ProviderSetting> setting = QuarkusTransaction.requiringNew()
                .call(() -> ProviderSetting.enabled(Kind.CUSTOM_FIELDS));
        if (setting.isEmpty() || setting.get().mode == Mode.BUILT_IN) {
            return count(CustomFieldSuggestions.notConfigured(), "not-configured");
        }
        ProviderSetting provider = setting.get();
        try {
            Answer answer = client.ask(provider.url, provider.secret, Duration.ofMillis(provider.timeoutMs), request);
            return count(CustomFieldSuggestions.available(checked(answer)), "answered");
        } catch (ProviderCallException e) {
            LOG.warnf("Custom-fields provider %s: %s", provider.url, e.getMessage());
            return count(CustomFieldSuggestions.unavailable(e.getMessage()), "unavailable");
        } catch (CircuitBreakerOpenException e) {
            LOG.warnf("Custom-fields provider %s: failing repeatedly, not asked for a while", provider.url);
            return count(CustomFieldSuggestions.unavailable("failing repeatedly, not asked for a while"), "unavailable");
        }
    }

    /** Checks the answer field by field; one that breaks the contract makes the whole answer count as none. */
    static List<Field> checked(Answer answer) {
        if (answer == null || answer.fields() == null) {
            throw new ProviderCallException("answered without fields");
        }
        if (answer.fields().size() > MAX_FIELDS) {
            throw new ProviderCallException("answered more than " + MAX_FIELDS + " fields");
        }
        List<Field> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (AnswerField field : answer.fields()) {
            if (field == null || field.name() == null || !NAME.matcher(field.name()).matches()) {
                throw new ProviderCallException("answered a field whose name is not a key (a-z, then letters, digits, _)");
            }
            if (!names.add(field.name())) {
                throw new ProviderCallException("answered the field " + field.name() + " twice");
            }
            String label = field.label() == null ? "" : field.label().strip();
            if (label.isEmpty() || label.length() > MAX_LABEL) {
                throw new ProviderCallException("answered a field label that is empty or longer than " + MAX_LABEL);
            }
            if (field.type() == null || !TYPES.contains(field.type())) {
                throw new ProviderCallException("answered a field type other than " + String.join(", ", TYPES.stream().sorted().toList()));
            }
            Object value = field.value();
            boolean scalar = value == null || value instanceof Number || value instanceof Boolean
                    || (value instanceof String text && text.length() <= MAX_TEXT);
            if (!scalar) {
                throw new ProviderCallException("answered a value that is not a text, number or boolean");
            }
            fields.add(new Field(field.name(), label, field.type(), value));
        }
        return fields;
    }

    private CustomFieldSuggestions count(CustomFieldSuggestions suggestions, String outcome) {
        metrics.counter("relaydesk.custom-fields.lookups", "outcome", outcome).increment();
        return suggestions;
    }
}
