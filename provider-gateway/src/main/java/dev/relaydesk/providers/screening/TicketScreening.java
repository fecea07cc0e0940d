package dev.relaydesk.providers.screening;

import dev.relaydesk.contracts.ScreeningDecision;
import dev.relaydesk.contracts.ScreeningDraft;
import dev.relaydesk.contracts.ScreeningDecision.Outcome;
import dev.relaydesk.providers.screening.ScreeningContract.Verdict;
import dev.relaydesk.providers.setting.ProviderSetting;
import dev.relaydesk.providers.setting.ProviderSetting.Fallback;
import dev.relaydesk.providers.setting.ProviderSetting.Kind;
import dev.relaydesk.providers.setting.ProviderSetting.Mode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Screens a ticket before it is created: no provider or the built-in one accepts it unchanged; an external one
 * decides, and when it cannot (down, slow, nonsense), the admin's fallback does. Never waits past the timeout.
 */
@ApplicationScoped
public class TicketScreening {

    static final String UNAVAILABLE_MESSAGE = "We cannot take new tickets right now. Please try again in a few minutes.";
    private static final Logger LOG = Logger.getLogger(TicketScreening.class);
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9]{1,9}");
    private static final Pattern FIELD_KEY = Pattern.compile("[a-z][a-zA-Z0-9_]{0,39}");
    private static final int MAX_MESSAGE = 1000;
    private static final int MAX_FIELDS = 50;
    private static final int MAX_FIELD_TEXT = 2000;

    private final ScreeningClient client;
    private final MeterRegistry metrics;

    TicketScreening(ScreeningClient client, MeterRegistry metrics) {
        this.client = client;
        this.metrics = metrics;
    }

    public ScreeningDecision screen(ScreeningDraft draft) {
        Optional<ProviderSetting> setting = QuarkusTransaction.requiringNew()
                .call(() -> ProviderSetting.enabled(Kind.TICKET_SCREENING));
        if (setting.isEmpty() || setting.get().mode == Mode.BUILT_IN) {
            return count(ScreeningDecision.unchanged(), "unscreened");
        }
        ProviderSetting provider = setting.get();
        try {
            Verdict verdict = client.ask(provider.url, provider.secret, Duration.ofMillis(provider.timeoutMs), draft);
            ScreeningDecision decision = decide(verdict);
            return count(decision, decision.outcome() == Outcome.ACCEPT ? "accepted" : "rejected");
        } catch (ProviderFailure e) {
            return fallback(provider, e.getMessage());
        } catch (CircuitBreakerOpenException e) {
            return fallback(provider, "failing repeatedly, not asked for a while");
        }
    }

    private ScreeningDecision fallback(ProviderSetting provider, String reason) {
        LOG.warnf("Ticket screening provider %s: %s; fallback %s", provider.url, reason, provider.fallbackOrDefault());
        ScreeningDecision decision = provider.fallbackOrDefault() == Fallback.REJECT
                ? new ScreeningDecision(Outcome.REJECT, null, null, Map.of(), UNAVAILABLE_MESSAGE, true, reason)
                : new ScreeningDecision(Outcome.ACCEPT, null, null, Map.of(), null, true, reason);
        return count(decision, "fallback");
    }

    /** Checks the provider's verdict field by field; a verdict that breaks the contract counts as no answer. */
    static ScreeningDecision decide(Verdict verdict) {
        if (verdict == null || verdict.decision() == null) {
            throw new ProviderFailure("answered without a decision");
        }
        switch (verdict.decision()) {
            case "reject" -> {
                String message = verdict.message() == null ? "" : verdict.message().strip();
                if (message.isEmpty() || message.length() > MAX_MESSAGE) {
                    throw new ProviderFailure("rejected without a message for the client (1 to " + MAX_MESSAGE + " characters)");
                }
                return new ScreeningDecision(Outcome.REJECT, null, null, Map.of(), message, false, null);
            }
            case "accept" -> {
                if (verdict.projectKey() != null && !PROJECT_KEY.matcher(verdict.projectKey()).matches()) {
                    throw new ProviderFailure("answered a project key that cannot exist");
                }
                if (verdict.type() != null && (verdict.type().isBlank() || verdict.type().length() > 200)) {
                    throw new ProviderFailure("answered an unusable ticket type");
                }
                return new ScreeningDecision(Outcome.ACCEPT, verdict.projectKey(), verdict.type(), fields(verdict.customFields()),
                        null, false, null);
            }
            default -> throw new ProviderFailure("answered an unknown decision");
        }
    }

    private static Map<String, Object> fields(Map<String, Object> fields) {
        if (fields == null) {
            return Map.of();
        }
        if (fields.size() > MAX_FIELDS) {
            throw new ProviderFailure("answered more than " + MAX_FIELDS + " custom fields");
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        fields.forEach((key, value) -> {
            boolean scalar = value instanceof Number || value instanceof Boolean
                    || (value instanceof String text && text.length() <= MAX_FIELD_TEXT);
            if (key == null || !FIELD_KEY.matcher(key).matches() || !scalar) {
                throw new ProviderFailure("answered a custom field that is not a key with a text, number or boolean");
            }
            checked.put(key, value);
        });
        return checked;
    }

    private ScreeningDecision count(ScreeningDecision decision, String outcome) {
        metrics.counter("relaydesk.screening.decisions", "outcome", outcome).increment();
        return decision;
    }
}
