package dev.relaydesk.providers.registration;

import dev.relaydesk.contracts.RegistrationDecision;
import dev.relaydesk.contracts.RegistrationRequest;
import dev.relaydesk.providers.registration.RegistrationContract.Verdict;
import dev.relaydesk.providers.setting.ProviderSetting;
import dev.relaydesk.providers.setting.ProviderSetting.Fallback;
import dev.relaydesk.providers.setting.ProviderSetting.Kind;
import dev.relaydesk.providers.setting.ProviderSetting.Mode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Tells the external registration service that a client registers, and lets it veto with a reason. No provider
 * or the built-in one allows; when the external one cannot answer, the admin's fallback decides.
 */
@ApplicationScoped
public class RegistrationCheck {

    static final String UNAVAILABLE_MESSAGE = "Accounts cannot be created right now. Please try again later.";
    private static final Logger LOG = Logger.getLogger(RegistrationCheck.class);
    private static final int MAX_MESSAGE = 1000;

    private final RegistrationClient client;

    RegistrationCheck(RegistrationClient client) {
        this.client = client;
    }

    public RegistrationDecision check(RegistrationRequest request) {
        Optional<ProviderSetting> setting = QuarkusTransaction.requiringNew()
                .call(() -> ProviderSetting.enabled(Kind.REGISTRATION));
        if (setting.isEmpty() || setting.get().mode == Mode.BUILT_IN) {
            return RegistrationDecision.allow();
        }
        ProviderSetting provider = setting.get();
        try {
            return decide(client.ask(provider.url, provider.secret, Duration.ofMillis(provider.timeoutMs), request));
        } catch (RegistrationClient.NoAnswer e) {
            return fallback(provider, e.getMessage());
        } catch (CircuitBreakerOpenException e) {
            return fallback(provider, "failing repeatedly, not asked for a while");
        }
    }

    private static RegistrationDecision decide(Verdict verdict) {
        if (verdict == null || verdict.decision() == null) {
            throw new RegistrationClient.NoAnswer("answered without a decision");
        }
        return switch (verdict.decision()) {
            case "allow" -> RegistrationDecision.allow();
            case "veto" -> {
                String message = verdict.message() == null ? "" : verdict.message().strip();
                if (message.isEmpty() || message.length() > MAX_MESSAGE) {
                    throw new RegistrationClient.NoAnswer("vetoed without a message for the client (1 to "
                            + MAX_MESSAGE + " characters)");
                }
                yield new RegistrationDecision(false, message, false, null);
            }
            default -> throw new RegistrationClient.NoAnswer("answered an unknown decision");
        };
    }

    private static RegistrationDecision fallback(ProviderSetting provider, String reason) {
        LOG.warnf("Registration provider %s: %s; fallback %s", provider.url, reason, provider.fallbackOrDefault());
        return provider.fallbackOrDefault() == Fallback.REJECT
                ? new RegistrationDecision(false, UNAVAILABLE_MESSAGE, true, reason)
                : new RegistrationDecision(true, null, true, reason);
    }
}
