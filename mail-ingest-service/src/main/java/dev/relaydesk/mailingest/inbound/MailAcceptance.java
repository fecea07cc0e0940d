package dev.relaydesk.mailingest.inbound;

import dev.relaydesk.events.MailBounced;
import dev.relaydesk.events.MailReceived;
import dev.relaydesk.mailingest.inbound.InboundMessage.Status;
import dev.relaydesk.mailingest.parse.DeliveryReport;
import dev.relaydesk.mailingest.parse.MailParser;
import dev.relaydesk.mailingest.parse.NoiseFilter;
import dev.relaydesk.mailingest.parse.ParsedMail;
import dev.relaydesk.mailingest.parse.UnparseableMailException;
import dev.relaydesk.messaging.outbox.Outbox;
import dev.relaydesk.messaging.tx.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Takes responsibility for an inbound message: stores it raw, decides what it is, and records the
 * {@code MailReceived} event, all in one transaction. The channel acknowledges the sender only after this
 * commits, so an accepted message is never lost; a message seen before is stored once.
 */
@ApplicationScoped
public class MailAcceptance {

    private static final Logger LOG = Logger.getLogger(MailAcceptance.class);

    private final MailParser parser;
    private final NoiseFilter noise;
    private final SenderBurst burst;
    private final Outbox outbox;
    private final AfterCommit afterCommit;
    private final MeterRegistry metrics;
    private final AttachmentLimits attachments;

    MailAcceptance(MailParser parser, NoiseFilter noise, SenderBurst burst, Outbox outbox, AfterCommit afterCommit,
            MeterRegistry metrics, AttachmentLimits attachments) {
        this.attachments = attachments;
        this.parser = parser;
        this.noise = noise;
        this.burst = burst;
        this.outbox = outbox;
        this.afterCommit = afterCommit;
        this.metrics = metrics;
    }

    public record Envelope(String from, List<String> recipients, String channel) {
    }

    public record Outcome(UUID messageId, Status status, String reason) {
    }

    /** Each accepted mail starts a trace (or joins the HTTP request's) that its ticket and its mails continue. */
    @WithSpan("mail accept")
    @Transactional
    public Outcome accept(byte[] raw, Envelope envelope) {
        Span.current().setAttribute("relaydesk.mail.channel", envelope.channel());
        String sha256 = sha256(raw);
        Optional<InboundMessage> seen = InboundMessage.find("sha256", sha256).firstResultOptional();
        if (seen.isPresent()) {
            count(envelope, "duplicate");
            return new Outcome(seen.get().id, seen.get().status, "already received");
        }
        InboundMessage message = new InboundMessage();
        message.id = UUID.randomUUID();
        message.sha256 = sha256;
        message.raw = raw;
        message.envelopeFrom = envelope.from();
        message.envelopeRecipients = String.join(",", envelope.recipients());
        message.channel = envelope.channel();
        message.receivedAt = Instant.now();
        Optional<InboundMessage> sameMessageId = parseAndClassify(message, envelope);
        if (sameMessageId.isPresent()) {
            // The same mail again (another route, a resend): stored once, under its first arrival.
            count(envelope, "duplicate");
            return new Outcome(sameMessageId.get().id, sameMessageId.get().status, "Message-ID already received");
        }
        message.persist();
        count(envelope, message.status.name().toLowerCase(Locale.ROOT));
        Span.current().setAttribute("relaydesk.mail.status", message.status.name());
        LOG.infof("Inbound message %s via %s: %s%s", message.id, envelope.channel(), message.status,
                message.reason == null ? "" : " (" + message.reason + ")");
        return new Outcome(message.id, message.status, message.reason);
    }

    /**
     * Parses a quarantined message again (after a parser fix): published or ignored like a new arrival, or left in
     * quarantine with the new reason. A message no longer in quarantine is left as it is, so replaying twice
     * publishes once.
     */
    @Transactional
    public Optional<Outcome> replay(UUID id) {
        InboundMessage message = InboundMessage.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (message == null) {
            return Optional.empty();
        }
        if (message.status == Status.QUARANTINED) {
            Envelope envelope = new Envelope(message.envelopeFrom, message.envelopeRecipients.isEmpty() ? List.of()
                    : List.of(message.envelopeRecipients.split(",")), message.channel);
            Optional<InboundMessage> sameMessageId = parseAndClassify(message, envelope);
            if (sameMessageId.isPresent()) {
                // the same mail arrived readable by another route meanwhile: keep this copy, never publish it twice
                message.status = Status.IGNORED;
                message.reason = "duplicate: Message-ID already received as " + sameMessageId.get().id;
            }
            LOG.infof("Replayed inbound message %s: %s%s", message.id, message.status,
                    message.reason == null ? "" : " (" + message.reason + ")");
        }
        return Optional.of(new Outcome(message.id, message.status, message.reason));
    }

    /**
     * Sets the message's status, reason and Message-ID, recording the event when it is published. When a readable
     * message with the same Message-ID was received before, returns that one and leaves this message untouched.
     */
    private Optional<InboundMessage> parseAndClassify(InboundMessage message, Envelope envelope) {
        try {
            ParsedMail mail = parser.parse(message.raw, message.sha256.substring(0, 32) + "@generated.relaydesk");
            Optional<InboundMessage> sameMessageId = InboundMessage.find("messageId = ?1 and status <> ?2 and id <> ?3",
                    mail.messageId(), Status.QUARANTINED, message.id).firstResultOptional();
            if (sameMessageId.isPresent()) {
                return sameMessageId;
            }
            message.messageId = mail.messageId();
            message.fromAddress = mail.fromAddress();
            message.reason = null;
            classify(message, mail, envelope);
        } catch (UnparseableMailException e) {
            message.status = Status.QUARANTINED;
            message.reason = e.getMessage();
        }
        return Optional.empty();
    }

    private void classify(InboundMessage message, ParsedMail mail, Envelope envelope) {
        Optional<String> ignored = noise.reasonToIgnore(mail, envelope.from()).or(() -> burst.reasonToIgnore(mail));
        if (ignored.isPresent()) {
            message.status = Status.IGNORED;
            message.reason = ignored.get();
            reportBounces(message);
            return;
        }
        List<String> recipients = Stream.concat(envelope.recipients().stream(), mail.recipients().stream())
                .distinct()
                .toList();
        outbox.publish(new MailReceived(message.id, mail.messageId(), mail.inReplyTo(), mail.references(),
                mail.fromAddress(), mail.fromName(), recipients, mail.subject(), mail.textBody(), message.receivedAt,
                mail.headers().forRules(), attachments.judge(mail.attachments())));
        message.status = Status.PUBLISHED;
    }

    /** A delivery report opens no ticket, but each address it says failed is announced (MailBounced). */
    private void reportBounces(InboundMessage message) {
        List<DeliveryReport.Failure> failures = DeliveryReport.failuresIn(message.raw);
        for (DeliveryReport.Failure failure : failures) {
            outbox.publish(new MailBounced(message.id, failure.address(), failure.status(), failure.diagnostic(),
                    failure.originalMessageId(), message.receivedAt));
        }
        if (!failures.isEmpty()) {
            message.reason += "; failed: " + failures.stream().map(DeliveryReport.Failure::address).limit(5)
                    .collect(Collectors.joining(", "));
        }
    }

    /** Mails by what became of them (published, ignored, quarantined, duplicate), counted once committed. */
    private void count(Envelope envelope, String outcome) {
        afterCommit.run(() -> metrics.counter("relaydesk.mails.received", "channel", envelope.channel(),
                "outcome", outcome).increment());
    }

    static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
