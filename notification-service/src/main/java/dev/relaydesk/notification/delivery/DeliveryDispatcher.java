package dev.relaydesk.notification.delivery;

import dev.relaydesk.events.NotificationSent;
import dev.relaydesk.messaging.outbox.Outbox;
import dev.relaydesk.messaging.pass.OnePassAtATime;
import dev.relaydesk.notification.delivery.Delivery.Channel;
import dev.relaydesk.notification.delivery.Delivery.Status;
import dev.relaydesk.notification.rule.RuleMessages;
import dev.relaydesk.notification.sms.SmsSender;
import dev.relaydesk.notification.template.MailKind;
import dev.relaydesk.notification.delivery.DeliveryAttempt.Outcome;
import dev.relaydesk.notification.mail.SmtpConnection;
import dev.relaydesk.notification.mail.SmtpMailer;
import dev.relaydesk.messaging.tx.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import dev.relaydesk.messaging.retry.Backoff;
import dev.relaydesk.messaging.tracing.TraceParent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries. Each is locked while it is sent ({@code SKIP LOCKED}: replicas never send the same
 * one), marked sent in the same transaction, and retried with exponential backoff until it is given up. A pass's
 * mails go out over one SMTP connection; a mail the server refuses fails alone, and the next one reconnects.
 * A sent mail is announced ({@link NotificationSent}) in that transaction too, so ticket-service learns every
 * Message-ID we used and threads replies to it.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    private static final int BATCH = 20;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private final MailComposer composer;
    private final SmtpMailer mailer;
    private final int maxAttempts;
    private final Tracer tracer;
    private final AfterCommit afterCommit;
    private final MeterRegistry metrics;
    private final Outbox outbox;
    /** One pass at a time per JVM: a scheduler tick, or a wake after a delivery was queued. */
    private final OnePassAtATime passes = new OnePassAtATime("delivery-dispatcher", this::dispatchAll);
    private final RuleMessages ruleMessages;
    private final SmsSender smsSender;

    DeliveryDispatcher(MailComposer composer, SmtpMailer mailer,
            @ConfigProperty(name = "relaydesk.notification.max-attempts") int maxAttempts, Tracer tracer,
            AfterCommit afterCommit, MeterRegistry metrics, Outbox outbox, RuleMessages ruleMessages,
            SmsSender smsSender) {
        this.ruleMessages = ruleMessages;
        this.smsSender = smsSender;
        this.outbox = outbox;
        this.composer = composer;
        this.mailer = mailer;
        this.maxAttempts = maxAttempts;
        this.tracer = tracer;
        this.afterCommit = afterCommit;
        this.metrics = metrics;
    }

    /** Dispatches soon, on the dispatcher's own thread; many wakes while it is busy make one more pass. */
    public void wake() {
        passes.wake();
    }

    @Scheduled(every = "${relaydesk.notification.dispatch-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchDue() {
        passes.run();
    }

    @PreDestroy
    void stop() {
        passes.stop();
    }

    /** A pass: its mails share one SMTP connection, so each costs no handshake of its own. */
    private void dispatchAll() {
        try (SmtpConnection smtp = mailer.connection()) {
            while (dispatchBatch(smtp) == BATCH) {
                // a full batch: more may be due right now
            }
        }
    }

    private int dispatchBatch(SmtpConnection smtp) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Delivery> due = Delivery.getEntityManager()
                    .createNativeQuery("select * from delivery where status in ('QUEUED', 'FAILED') and next_attempt_at <= now()"
                            + " order by next_attempt_at limit :limit for update skip locked", Delivery.class)
                    .setParameter("limit", BATCH)
                    .getResultList();
            due.forEach(delivery -> attempt(delivery, smtp));
            return due.size();
        });
    }

    private void attempt(Delivery delivery, SmtpConnection smtp) {
        Span span = tracer.spanBuilder("mail send").setSpanKind(SpanKind.CLIENT)
                .setParent(TraceParent.restore(delivery.traceParent))
                .setAttribute("relaydesk.mail.kind", delivery.kind.name())
                .setAttribute("relaydesk.delivery.channel", delivery.channel.name())
                .setAttribute("relaydesk.ticket.id", delivery.ticketId.toString())
                .setAttribute("relaydesk.delivery.attempt", delivery.attempts + 1L)
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            attemptTraced(delivery, smtp);
            count(delivery);
            if (delivery.status != Status.SENT) {
                span.setStatus(StatusCode.ERROR, delivery.lastError);
            }
        } finally {
            span.end();
        }
    }

    private void attemptTraced(Delivery delivery, SmtpConnection smtp) {
        delivery.attempts++;
        try {
            String answer = switch (delivery.channel) {
                case SMS -> smsSender.send(delivery, ruleMessages.sms(delivery));
                case EMAIL -> smtp.send(delivery.kind == MailKind.AUTOMATED_ACTION ? ruleMessages.mail(delivery)
                        : composer.compose(delivery));
            };
            delivery.status = Status.SENT;
            delivery.sentAt = Instant.now();
            delivery.lastError = null;
            DeliveryAttempt.record(delivery, Outcome.SENT, answer);
            LOG.infof("Sent %s %s for ticket %s (attempt %d)", delivery.channel, delivery.kind, delivery.ticketId,
                    delivery.attempts);
        } catch (Exception e) {
            delivery.lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            DeliveryAttempt.record(delivery, Outcome.FAILED, delivery.lastError);
            if (e instanceof UndeliverableException || delivery.attempts >= maxAttempts) {
                delivery.status = Status.GIVEN_UP;
                LOG.errorf("Gave up %s for ticket %s after %d attempts: %s", delivery.kind, delivery.ticketId,
                        delivery.attempts, delivery.lastError);
            } else {
                delivery.status = Status.FAILED;
                delivery.nextAttemptAt = Instant.now().plus(backoff(delivery.attempts));
                LOG.warnf("Could not send %s for ticket %s (attempt %d), will retry: %s", delivery.kind,
                        delivery.ticketId, delivery.attempts, delivery.lastError);
            }
        }
        // a one-time code's or a call's mail belongs to no ticket event: nobody is told it was sent
        if (delivery.status == Status.SENT && delivery.channel == Channel.EMAIL && delivery.kind != MailKind.ACCESS_CODE
                && delivery.kind != MailKind.APPOINTMENT_CONFIRMATION) {
            // Outside the try: a failing outbox write rolls the whole attempt back (resent later under the same
            // Message-ID) rather than counting as a failed send.
            announce(delivery);
        }
    }

    private void announce(Delivery delivery) {
        outbox.publish(new NotificationSent(delivery.ticketId, delivery.cause().version(), delivery.id,
                delivery.messageId, delivery.kind.name(), List.of(delivery.recipientEmail), delivery.recipientAgent,
                delivery.sentAt));
    }

    /** Attempts by mail kind and outcome (sent, retry, given_up), counted once the outcome is committed. */
    private void count(Delivery delivery) {
        String outcome = switch (delivery.status) {
            case SENT -> "sent";
            case GIVEN_UP -> "given_up";
            default -> "retry";
        };
        String kind = delivery.kind.name().toLowerCase(java.util.Locale.ROOT);
        afterCommit.run(() -> metrics.counter("relaydesk.notifications", "kind", kind, "outcome", outcome).increment());
    }

    static Duration backoff(int attempts) {
        return Backoff.exponential(Duration.ofSeconds(1), MAX_BACKOFF, attempts);
    }
}
