package dev.relaydesk.providers.webhook;

import dev.relaydesk.providers.webhook.WebhookDelivery.Status;
import dev.relaydesk.providers.webhook.WebhookSender.Attempt;
import dev.relaydesk.providers.webhook.WebhookSender.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import dev.relaydesk.messaging.retry.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Sends due webhook deliveries, in order per ticket and subscription: a delivery waits while an earlier one
 * (lower ticket version, then queue position) of the same ticket to the same subscription is still pending,
 * so a receiver never sees "closed" before "created". Dead-lettered deliveries no longer hold later ones.
 * <p>
 * A batch is claimed in a short transaction ({@code SKIP LOCKED}: replicas never claim the same delivery) by
 * pushing its next attempt past the request timeout, sent outside any transaction, and its outcomes recorded
 * in another one. A crash in between leaves the claim to expire and the delivery is sent again: at least once.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 50;
    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);

    private static final String DUE = """
            select d.* from webhook_delivery d
            join webhook_subscription s on s.id = d.subscription_id
            where d.status = 'PENDING' and d.next_attempt_at <= now() and s.enabled
              and not exists (select 1 from webhook_delivery earlier
                              where earlier.subscription_id = d.subscription_id and earlier.ticket_id = d.ticket_id
                                and earlier.status = 'PENDING'
                                and (earlier.ticket_version, earlier.position) < (d.ticket_version, d.position))
            order by d.position
            limit :limit
            for update of d skip locked""";

    private final WebhookSender sender;
    private final WebhookConfig config;

    private final MeterRegistry metrics;

    WebhookDispatcher(WebhookSender sender, WebhookConfig config, MeterRegistry metrics) {
        this.sender = sender;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(every = "${relaydesk.webhooks.dispatch-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchDue() {
        try {
            while (dispatchBatch() == BATCH) {
                // a full batch: more may be due right now
            }
        } catch (RuntimeException e) {
            LOG.warnf("Webhook dispatch failed, will retry: %s", e.getMessage());
        }
    }

    /** Sends one batch (at most one delivery per ticket and subscription, so concurrently); returns its size. */
    int dispatchBatch() {
        List<Attempt> attempts = claimDue();
        if (attempts.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Outcome>> sent = attempts.stream().map(sender::send).toList();
        List<Outcome> outcomes = new ArrayList<>(sent.size());
        sent.forEach(future -> outcomes.add(future.join()));
        List<Status> recorded = QuarkusTransaction.requiringNew().call(() -> outcomes.stream().map(this::record).toList());
        // Counted once recorded: delivered, retrying (PENDING again) or given up (DEAD); null when the
        // subscription went away meanwhile.
        recorded.stream().filter(Objects::nonNull).forEach(status -> metrics.counter(
                "relaydesk.webhooks.attempts", "outcome", status.name().toLowerCase(Locale.ROOT)).increment());
        return attempts.size();
    }

    private List<Attempt> claimDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<WebhookDelivery> due = WebhookDelivery.getEntityManager()
                    .createNativeQuery(DUE, WebhookDelivery.class)
                    .setParameter("limit", BATCH)
                    .getResultList();
            Instant claimedUntil = Instant.now().plus(config.requestTimeout()).plus(CLAIM_MARGIN);
            List<Attempt> attempts = new ArrayList<>(due.size());
            for (WebhookDelivery delivery : due) {
                WebhookSubscription subscription = WebhookSubscription.findById(delivery.subscriptionId);
                delivery.nextAttemptAt = claimedUntil;
                attempts.add(new Attempt(delivery.id, subscription.url, subscription.secret, delivery.eventId, delivery.payload));
            }
            return attempts;
        });
    }

    private Status record(Outcome outcome) {
        WebhookDelivery delivery = WebhookDelivery.findById(outcome.deliveryId());
        if (delivery == null) {
            return null; // its subscription was deleted meanwhile
        }
        Instant now = Instant.now();
        delivery.attempts++;
        delivery.lastAttemptAt = now;
        delivery.lastStatusCode = outcome.statusCode();
        delivery.lastLatencyMs = outcome.latencyMs();
        delivery.lastError = outcome.error();
        if (outcome.delivered()) {
            delivery.status = Status.DELIVERED;
            delivery.deliveredAt = now;
            LOG.debugf("Delivered webhook %s (%s) to subscription %s, attempt %d", delivery.id, delivery.eventType,
                    delivery.subscriptionId, delivery.attempts);
        } else if (delivery.attempts >= config.maxAttempts()) {
            delivery.status = Status.DEAD;
            LOG.warnf("Dead-lettered webhook %s (%s) to subscription %s after %d attempts: %s", delivery.id,
                    delivery.eventType, delivery.subscriptionId, delivery.attempts, delivery.lastError);
        } else {
            delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
            LOG.infof("Webhook %s to subscription %s failed (attempt %d), will retry: %s", delivery.id,
                    delivery.subscriptionId, delivery.attempts, delivery.lastError);
        }
        return delivery.status;
    }

    /** initial, 2×initial, 4×initial, ... capped at max-backoff. */
    Duration backoff(int attemptsSoFar) {
        return Backoff.exponential(config.initialBackoff(), config.maxBackoff(), attemptsSoFar - 1);
    }
}
