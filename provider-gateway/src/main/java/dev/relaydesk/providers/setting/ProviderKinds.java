package dev.relaydesk.providers.setting;

import dev.relaydesk.providers.setting.ProviderSetting.Kind;
import dev.relaydesk.web.InvalidFieldException;
import java.util.Locale;
import java.util.Set;

/** Provider kinds as the API names them ({@code ticket-screening}), and which of them can be configured yet. */
public final class ProviderKinds {

    /** The kinds whose calls the platform makes; the others are listed by /api/provider-kinds only. */
    static final Set<Kind> CONFIGURABLE = Set.of(Kind.TICKET_SCREENING, Kind.USER_INFORMATION, Kind.CUSTOM_FIELDS,
            Kind.REGISTRATION, Kind.LOGIN);

    /** How long user information is reused for the same client when the admin did not say. */
    public static final int DEFAULT_CACHE_TTL_SECONDS = 60;

    private ProviderKinds() {
    }

    /** How long the caller waits by default, in ms. An agent's ticket page waits for user information. */
    static int defaultTimeoutMs(Kind kind) {
        return switch (kind) {
            case USER_INFORMATION -> 1000;
            case CUSTOM_FIELDS -> 1500;
            default -> 2000;
        };
    }

    /** Keycloak's login provider waits 6 s for the gateway by default: the gateway must have answered by then. */
    static final int LOGIN_MAX_TIMEOUT_MS = 5000;

    /**
     * The longest timeout an admin may set, in ms: ticket-service gives up on user information after 1.5 s and on
     * custom fields after 3 s, and Keycloak's login provider after 6 s, so the gateway must have answered "unavailable" before that.
     */
    static int maxTimeoutMs(Kind kind) {
        return switch (kind) {
            case USER_INFORMATION -> 1200;
            case CUSTOM_FIELDS -> 2500;
            case LOGIN -> LOGIN_MAX_TIMEOUT_MS;
            default -> 30000;
        };
    }

    /**
     * Whether the admin's fallback means anything for this kind: screening and registration decide something
     * (user information just shows "unavailable").
     */
    static boolean hasFallback(Kind kind) {
        return kind == Kind.TICKET_SCREENING || kind == Kind.REGISTRATION;
    }

    /** Whether answers are cached, so the admin's cacheTtlSeconds means something. */
    static boolean cachesAnswers(Kind kind) {
        return kind == Kind.USER_INFORMATION;
    }

    /** Whether the login provider's own settings (default role, verified emails, login URL) mean something. */
    static boolean isLogin(Kind kind) {
        return kind == Kind.LOGIN;
    }

    public static String pathName(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Kind configurable(String pathName) {
        Kind kind;
        try {
            kind = Kind.valueOf(pathName.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("kind", "There is no provider kind " + pathName + ".");
        }
        if (!CONFIGURABLE.contains(kind)) {
            throw new InvalidFieldException("kind", "The " + pathName + " provider cannot be configured yet; "
                    + "configurable: ticket-screening, user-information, custom-fields, registration, login"
                    + " (events: /api/admin/webhooks).");
        }
        return kind;
    }
}
