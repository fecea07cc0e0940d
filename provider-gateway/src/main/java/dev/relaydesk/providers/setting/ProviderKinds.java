package dev.relaydesk.providers.setting;

import dev.relaydesk.providers.setting.ProviderSetting.Kind;
import dev.relaydesk.web.InvalidFieldException;
import java.util.Locale;
import java.util.Set;

/** Provider kinds as the API names them ({@code ticket-screening}), and which of them can be configured yet. */
public final class ProviderKinds {

    /** The kinds whose calls the platform makes; the others are listed by /api/provider-kinds only. */
    static final Set<Kind> CONFIGURABLE = Set.of(Kind.TICKET_SCREENING);

    private ProviderKinds() {
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
                    + "configurable: ticket-screening (events: /api/admin/webhooks).");
        }
        return kind;
    }
}
