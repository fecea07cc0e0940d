package dev.relaydesk.mailingest.inbound;

import dev.relaydesk.mailingest.MailIngestConfig;
import dev.relaydesk.mailingest.inbound.InboundMessage.Status;
import dev.relaydesk.mailingest.parse.ParsedMail;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Recognizes a burst: one sender whose mails already opened the configured number of tickets within the window
 * (a mail loop with a system that ignores our headers, or a flood). Counted in the database, so every replica
 * sees the same history.
 */
@ApplicationScoped
class SenderBurst {

    private final MailIngestConfig.Burst limits;

    SenderBurst(MailIngestConfig config) {
        this.limits = config.burst();
    }

    Optional<String> reasonToIgnore(ParsedMail mail) {
        Instant since = Instant.now().minus(limits.window());
        long recent = InboundMessage.count("fromAddress = ?1 and status = ?2 and receivedAt > ?3", mail.fromAddress(),
                Status.PUBLISHED, since);
        if (recent >= limits.maxMessages()) {
            return Optional.of("burst: more than " + limits.maxMessages() + " mails from " + mail.fromAddress()
                    + " within " + limits.window().toMinutes() + " min");
        }
        return Optional.empty();
    }
}
