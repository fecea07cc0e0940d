package dev.relaydesk.providers.webhook;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "relaydesk.webhooks")
public interface WebhookConfig {

    /** The event topics webhooks can subscribe to; each is also the event's {@code type} in the payload. */
    List<String> topics();

    Duration dispatchInterval();

    /** Per request, connection included: a slow receiver never holds a dispatcher longer. */
    Duration requestTimeout();

    /** Attempts before a delivery is dead-lettered. */
    int maxAttempts();

    /** Wait after the first failure; doubled after each further one, up to {@link #maxBackoff()}. */
    Duration initialBackoff();

    Duration maxBackoff();
}
