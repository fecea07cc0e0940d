package dev.relaydesk.mailingest;

import io.smallrye.config.ConfigMapping;
import java.util.List;

@ConfigMapping(prefix = "relaydesk.mail-ingest")
public interface MailIngestConfig {

    /** Mail domains we receive for; other recipients are refused at RCPT TO. */
    List<String> acceptedDomains();

    Smtp smtp();

    interface Smtp {

        /** 0 picks a free port (tests). */
        int port();

        String bindAddress();

        int maxMessageSize();
    }
}
