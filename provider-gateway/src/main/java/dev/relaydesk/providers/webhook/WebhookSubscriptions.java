package dev.relaydesk.providers.webhook;

import dev.relaydesk.providers.outbound.OutboundUrlGuard;
import dev.relaydesk.providers.outbound.RefusedUrlException;
import dev.relaydesk.providers.signing.WebhookSignature;
import dev.relaydesk.web.ConflictException;
import dev.relaydesk.web.InvalidFieldException;
import dev.relaydesk.providers.webhook.WebhookDelivery.Status;
import dev.relaydesk.providers.webhook.WebhookViews.CreatedWebhook;
import dev.relaydesk.providers.webhook.WebhookViews.DeliveryView;
import dev.relaydesk.providers.webhook.WebhookViews.WebhookRequest;
import dev.relaydesk.providers.webhook.WebhookViews.WebhookView;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** What admins do with webhook subscriptions and their deliveries. */
@ApplicationScoped
@Transactional
public class WebhookSubscriptions {

    private final OutboundUrlGuard guard;
    private final List<String> knownEventTypes;

    WebhookSubscriptions(OutboundUrlGuard guard, WebhookConfig config) {
        this.guard = guard;
        this.knownEventTypes = List.copyOf(config.topics());
    }

    public CreatedWebhook create(WebhookRequest request) {
        String generated = request.secret() == null ? WebhookSignature.newSecret() : null;
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.createdAt = Instant.now();
        apply(subscription, request, generated);
        subscription.persist();
        return CreatedWebhook.of(subscription, generated);
    }

    public WebhookView update(UUID id, WebhookRequest request) {
        WebhookSubscription subscription = find(id);
        apply(subscription, request, null);
        return WebhookView.of(subscription);
    }

    public void delete(UUID id) {
        find(id).delete();
    }

    @Transactional(TxType.SUPPORTS)
    public List<WebhookView> list() {
        return WebhookSubscription.<WebhookSubscription>listAll(Sort.by("createdAt")).stream().map(WebhookView::of).toList();
    }

    @Transactional(TxType.SUPPORTS)
    public WebhookView get(UUID id) {
        return WebhookView.of(find(id));
    }

    /** The delivery log, newest first; optionally only deliveries in one state. */
    @Transactional(TxType.SUPPORTS)
    public List<DeliveryView> deliveries(UUID id, Status status, int limit) {
        find(id);
        Sort newestFirst = Sort.descending("createdAt").and("id");
        var query = status == null
                ? WebhookDelivery.<WebhookDelivery>find("subscriptionId", newestFirst, id)
                : WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 and status = ?2", newestFirst, id, status);
        return query.page(Page.ofSize(limit)).list().stream().map(DeliveryView::of).toList();
    }

    /** Queues a delivered or dead-lettered delivery again, with a fresh count of attempts. */
    public DeliveryView redeliver(UUID id, UUID deliveryId) {
        find(id);
        WebhookDelivery delivery = WebhookDelivery.find("id = ?1 and subscriptionId = ?2", deliveryId, id)
                .<WebhookDelivery>firstResultOptional()
                .orElseThrow(() -> new NotFoundException("No delivery " + deliveryId + " for this webhook."));
        if (delivery.status == Status.PENDING) {
            throw new ConflictException("The delivery is still pending; it will be attempted again without being asked.");
        }
        delivery.status = Status.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = Instant.now();
        delivery.deliveredAt = null;
        return DeliveryView.of(delivery);
    }

    private void apply(WebhookSubscription subscription, WebhookRequest request, String generatedSecret) {
        String url = request.url().trim();
        try {
            guard.check(url);
        } catch (RefusedUrlException e) {
            throw new InvalidFieldException("url", "The URL " + e.getMessage() + ".");
        }
        for (String type : request.eventTypes()) {
            if (!knownEventTypes.contains(type)) {
                throw new InvalidFieldException("eventTypes", "Unknown event type " + type + "; known: "
                        + String.join(", ", knownEventTypes) + ".");
            }
        }
        if (request.secret() != null) {
            String problem = WebhookSignature.problemWith(request.secret());
            if (problem != null) {
                throw new InvalidFieldException("secret", "The secret " + problem + ".");
            }
            subscription.secret = request.secret();
        } else if (generatedSecret != null) {
            subscription.secret = generatedSecret;
        }
        subscription.url = url;
        subscription.eventTypes.clear();
        subscription.eventTypes.addAll(new LinkedHashSet<>(request.eventTypes()));
        subscription.projectKey = request.projectKey() == null || request.projectKey().isBlank() ? null : request.projectKey().trim();
        subscription.enabled = request.enabled() == null || request.enabled();
        subscription.updatedAt = Instant.now();
    }

    private static WebhookSubscription find(UUID id) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("No webhook " + id + "."));
    }
}
