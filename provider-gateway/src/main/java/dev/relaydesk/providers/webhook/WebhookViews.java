package dev.relaydesk.providers.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the admin API reads and writes. No view carries a subscription's secret. */
public final class WebhookViews {

    private WebhookViews() {
    }

    public record WebhookRequest(
            @Schema(description = "Where events are POSTed: http or https; internal addresses only when allow-listed",
                    example = "https://crm.example.com/relaydesk/events")
            @NotBlank @Size(max = 2000) String url,
            @Schema(description = "Signing secret (whsec_ + base64 key of 24 to 64 bytes). Write-only. On create, "
                    + "leave it out to have one generated; on update, leave it out to keep the current one.",
                    writeOnly = true, example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            String secret,
            @Schema(description = "Event types to receive", example = "[\"TicketCreated\", \"NoteAdded\"]")
            @NotEmpty List<@NotBlank String> eventTypes,
            @Schema(description = "Only events of this project; leave out for every project", example = "SUP")
            @Size(max = 100) String projectKey,
            @Schema(description = "Defaults to true") Boolean enabled) {

        @Override
        public String toString() {
            return "WebhookRequest[url=" + url + ", eventTypes=" + eventTypes + ", projectKey=" + projectKey
                    + ", enabled=" + enabled + "]"; // never the secret
        }
    }

    public record WebhookView(UUID id, String url, List<String> eventTypes, String projectKey, boolean enabled,
            Instant createdAt, Instant updatedAt) {

        static WebhookView of(WebhookSubscription subscription) {
            return new WebhookView(subscription.id, subscription.url, subscription.eventTypes.stream().sorted().toList(),
                    subscription.projectKey, subscription.enabled, subscription.createdAt, subscription.updatedAt);
        }
    }

    /** The answer to a create: the subscription, and the secret only when the gateway generated it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreatedWebhook(UUID id, String url, List<String> eventTypes, String projectKey, boolean enabled,
            Instant createdAt, Instant updatedAt,
            @Schema(description = "Present only when the gateway generated the secret; shown this once")
            String generatedSecret) {

        static CreatedWebhook of(WebhookSubscription subscription, String generatedSecret) {
            WebhookView view = WebhookView.of(subscription);
            return new CreatedWebhook(view.id(), view.url(), view.eventTypes(), view.projectKey(), view.enabled(),
                    view.createdAt(), view.updatedAt(), generatedSecret);
        }
    }

    public record DeliveryView(UUID id, String eventId, String eventType, UUID ticketId, long ticketVersion,
            WebhookDelivery.Status status, int attempts, Integer lastStatusCode, Long lastLatencyMs, String lastError,
            Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt) {

        static DeliveryView of(WebhookDelivery delivery) {
            return new DeliveryView(delivery.id, delivery.eventId, delivery.eventType, delivery.ticketId,
                    delivery.ticketVersion, delivery.status, delivery.attempts, delivery.lastStatusCode,
                    delivery.lastLatencyMs, delivery.lastError, delivery.createdAt, delivery.lastAttemptAt,
                    delivery.status == WebhookDelivery.Status.PENDING ? delivery.nextAttemptAt : null,
                    delivery.deliveredAt);
        }
    }
}
