package dev.relaydesk.providers.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaydesk.events.TicketEvent;
import dev.relaydesk.providers.webhook.WebhookDelivery.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Turns one ticket event into a delivery for each subscription that wants it, in the consuming transaction. */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class WebhookQueue {

    /**
     * @param type      the event's name, as subscriptions filter on it
     * @param eventJson the event exactly as published, sent on as {@code data}
     */
    public int onTicketEvent(String type, String eventId, Instant time, TicketEvent event, String eventJson) {
        JsonNode data = WebhookPayload.parse(eventJson);
        String projectKey = WebhookPayload.projectKey(data).orElse(null);
        List<WebhookSubscription> subscribers = WebhookSubscription.<WebhookSubscription>list(
                "select distinct s from WebhookSubscription s join s.eventTypes t where s.enabled = true and t = ?1",
                type).stream().filter(subscription -> subscription.wants(type, projectKey)).toList();
        if (subscribers.isEmpty()) {
            return 0;
        }
        String body = WebhookPayload.body(type, eventId, time, data);
        Instant now = Instant.now();
        for (WebhookSubscription subscription : subscribers) {
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.id = UUID.randomUUID();
            delivery.subscriptionId = subscription.id;
            delivery.eventId = eventId;
            delivery.eventType = type;
            delivery.ticketId = event.ticketId();
            delivery.ticketVersion = event.version();
            delivery.payload = body;
            delivery.status = Status.PENDING;
            delivery.nextAttemptAt = now;
            delivery.createdAt = now;
            delivery.persist();
        }
        return subscribers.size();
    }
}
