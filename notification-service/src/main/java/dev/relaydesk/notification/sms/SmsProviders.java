package dev.relaydesk.notification.sms;

import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

/** The provider {@code relaydesk.sms.provider} names; with a Twilio one, the service does not start without its account settings. */
@ApplicationScoped
public class SmsProviders {

    /** A missing account setting stops the service at start, not at the first SMS hours later. */
    void checkAtStartup(@Observes StartupEvent started, SmsProvider provider) {
        provider.toString(); // creates the provider, which checks its settings
    }

    @Produces
    @ApplicationScoped
    SmsProvider provider(SmsConfig config) {
        return switch (config.provider()) {
            case LOG -> new LogSmsProvider();
            case TWILIO -> new TwilioSmsProvider(config.baseUrl(),
                    required(config.account().orElse(null), "relaydesk.sms.account"),
                    required(config.token().orElse(null), "relaydesk.sms.token"),
                    required(config.from().orElse(null), "relaydesk.sms.from"), config.timeout());
        };
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(key + " must be set when relaydesk.sms.provider=twilio");
        }
        return value;
    }
}
