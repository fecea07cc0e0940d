package dev.relaydesk.providers.login;

import dev.relaydesk.contracts.LoginOutcome;
import dev.relaydesk.providers.login.LoginContract.Answer;
import dev.relaydesk.providers.login.LoginContract.Request;
import dev.relaydesk.providers.login.LoginContract.User;
import dev.relaydesk.providers.setting.ProviderSetting;
import dev.relaydesk.providers.setting.ProviderSetting.Kind;
import dev.relaydesk.providers.setting.ProviderSetting.Mode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Asks the external login service who a login is and whether its password is right, for Keycloak's Relay Desk
 * login provider. No provider, the built-in one, or a service that cannot answer usably: the user is unknown
 * (Keycloak's own users are never asked about). The admin's settings decide the role and the email's status.
 */
@ApplicationScoped
public class ExternalLogin {

    static final String LOOKUP = "lookup";
    static final String VERIFY = "verify";
    private static final Logger LOG = Logger.getLogger(ExternalLogin.class);
    private static final int MAX_NAME = 255;
    private static final int MAX_EMAIL = 320;

    private final LoginClient client;

    ExternalLogin(LoginClient client) {
        this.client = client;
    }

    public LoginOutcome lookup(String username) {
        return ask(new Request(LOOKUP, username, null), "found");
    }

    public LoginOutcome verify(String username, String password) {
        return ask(new Request(VERIFY, username, password), "valid");
    }

    /** The company's own login page, when an enabled external login provider names one. */
    public Optional<String> loginPage() {
        return QuarkusTransaction.requiringNew().call(() -> ProviderSetting.enabled(Kind.LOGIN))
                .filter(setting -> setting.mode == Mode.EXTERNAL)
                .map(setting -> setting.loginUrl)
                .filter(url -> !url.isBlank());
    }

    private LoginOutcome ask(Request request, String yes) {
        Optional<ProviderSetting> setting = QuarkusTransaction.requiringNew()
                .call(() -> ProviderSetting.enabled(Kind.LOGIN));
        if (setting.isEmpty() || setting.get().mode == Mode.BUILT_IN) {
            return LoginOutcome.no();
        }
        ProviderSetting provider = setting.get();
        try {
            Answer answer = client.ask(provider.url, provider.secret, Duration.ofMillis(provider.timeoutMs), request);
            return outcome(provider, answer, yes);
        } catch (LoginClient.NoAnswer e) {
            return unusable(provider, request, e.getMessage());
        } catch (CircuitBreakerOpenException e) {
            return unusable(provider, request, "failing repeatedly, not asked for a while");
        }
    }

    private static LoginOutcome outcome(ProviderSetting provider, Answer answer, String yes) {
        String result = answer == null ? null : answer.result();
        if (yes.equals(result)) {
            User user = answer.user();
            String email = user == null ? null : trimmed(user.email(), MAX_EMAIL);
            if (email == null || !email.matches("[^@\\s]+@[^@\\s]+")) {
                throw new LoginClient.NoAnswer("answered " + yes + " without the user's email");
            }
            boolean verified = provider.loginEmailVerified() || Boolean.TRUE.equals(user.emailVerified());
            return new LoginOutcome(true, email, trimmed(user.firstName(), MAX_NAME), trimmed(user.lastName(), MAX_NAME),
                    verified, provider.loginDefaultRole().equals(ProviderSetting.ROLE_CLIENT) ? ProviderSetting.ROLE_CLIENT
                            : null, null);
        }
        if ("unknown".equals(result) || ("valid".equals(yes) && "invalid".equals(result))) {
            return LoginOutcome.no();
        }
        throw new LoginClient.NoAnswer(result == null ? "answered without a result" : "answered an unknown result");
    }

    private static LoginOutcome unusable(ProviderSetting provider, Request request, String reason) {
        LOG.warnf("Login provider %s (%s of %s): %s; the user is unknown", provider.url, request.action(),
                request.username(), reason);
        return LoginOutcome.no(reason);
    }

    private static String trimmed(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }
}
