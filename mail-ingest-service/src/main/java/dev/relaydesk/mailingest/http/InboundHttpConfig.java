package dev.relaydesk.mailingest.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The HTTP intake for raw RFC 822 messages (mail providers' inbound webhooks, piping with curl). */
@ConfigMapping(prefix = "relaydesk.inbound")
public interface InboundHttpConfig {

    /** The shared secret callers present; without one configured, the endpoint refuses every call. */
    Optional<String> httpSecret();

    /** Largest raw message accepted, in bytes (the SMTP receiver's limit by default). */
    @WithDefault("${relaydesk.mail-ingest.smtp.max-message-size}")
    int httpMaxMessageSize();
}
