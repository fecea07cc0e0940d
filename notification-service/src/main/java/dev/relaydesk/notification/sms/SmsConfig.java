package dev.relaydesk.notification.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code relaydesk.sms.*}: which provider sends SMS, its account, and what happens to long texts. */
@ConfigMapping(prefix = "relaydesk.sms")
public interface SmsConfig {

    enum Provider {
        /** Writes each message to the log instead of sending it (the local stack). */
        LOG,
        /** A Twilio-style REST API: form POST to {@code <base-url>/2010-04-01/Accounts/<account>/Messages.json}. */
        TWILIO
    }

    enum LongMessages {
        /** Sent as several messages of one segment each, numbered "(1/3) ". */
        SPLIT,
        /** Cut to one segment, ending in "...". */
        TRUNCATE
    }

    @WithDefault("log")
    Provider provider();

    /** The provider account (Twilio: the account SID); the Basic auth user. */
    Optional<String> account();

    /** The provider's secret (Twilio: the auth token); the Basic auth password. Never logged. */
    Optional<String> token();

    /** The sender number (E.164) or sender id the provider knows us by. */
    Optional<String> from();

    @WithDefault("https://api.twilio.com")
    String baseUrl();

    @WithDefault("split")
    LongMessages longMessages();

    /** At most this many messages for one split text; the last part is cut if the text is longer. */
    @WithDefault("3")
    int maxParts();

    @WithDefault("10s")
    Duration timeout();
}
