package dev.relaydesk.notification.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The provider {@code relaydesk.sms.provider} names; a Twilio one without its account settings cannot start. */
@ApplicationScoped
public class SmsProviders {

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
