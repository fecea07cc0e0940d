package dev.relaydesk.mailingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "relaydesk.mail-ingest")
public interface MailIngestConfig {

    /** Mail domains we receive for; other recipients are refused at RCPT TO. */
    List<String> acceptedDomains();

    Smtp smtp();

    /** Addresses the platform sends from (project addresses, no-reply): mail from them is a loop, never a ticket. */
    Optional<List<String>> ownAddresses();

    Burst burst();

    Attachments attachments();

    /** Files in an accepted mail: one above the limit is named to agents on the ticket but never put on it. */
    interface Attachments {

        /** The same as ticket-service's relaydesk.attachments.max-bytes (10 MiB), so both refuse alike. */
        @WithDefault("10485760")
        long maxBytes();
    }

    /** More mails than this from one sender within the window are kept but open no tickets (a loop, a flood). */
    interface Burst {

        @WithDefault("20")
        int maxMessages();

        @WithDefault("10m")
        Duration window();
    }

    interface Smtp {

        /** 0 picks a free port (tests). */
        int port();

        String bindAddress();

        int maxMessageSize();
    }
}
