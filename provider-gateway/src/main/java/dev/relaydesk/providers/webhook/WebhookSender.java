package dev.relaydesk.providers.webhook;

import dev.relaydesk.providers.outbound.OutboundUrlGuard;
import dev.relaydesk.providers.outbound.RefusedUrlException;
import dev.relaydesk.providers.signing.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * POSTs one webhook, signed the Standard Webhooks way with a fresh timestamp, and reports what happened. Only a
 * 2xx answer counts as delivered; redirects are not followed (they could lead to an internal address).
 */
@ApplicationScoped
public class WebhookSender {

    private static final int ERROR_TEXT_LIMIT = 300;

    private final OutboundUrlGuard guard;
    private final Duration timeout;
    private final HttpClient client;

    WebhookSender(OutboundUrlGuard guard, WebhookConfig config) {
        this.guard = guard;
        this.timeout = config.requestTimeout();
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** What to send; {@code secret} stays out of every log and message. */
    public record Attempt(UUID deliveryId, String url, String secret, String messageId, String body) {

        @Override
        public String toString() {
            return "Attempt[" + deliveryId + "]";
        }
    }

    public record Outcome(UUID deliveryId, Integer statusCode, long latencyMs, String error) {

        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    public CompletableFuture<Outcome> send(Attempt attempt) {
        long started = System.nanoTime();
        URI target;
        try {
            target = guard.check(attempt.url());
        } catch (RefusedUrlException e) {
            return CompletableFuture.completedFuture(new Outcome(attempt.deliveryId(), null, 0, "URL refused: " + e.getMessage()));
        }
        byte[] body = attempt.body().getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        String signature = WebhookSignature.forSecret(attempt.secret()).sign(attempt.messageId(), timestamp, body);
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "RelayDesk-Webhooks/1")
                .header(WebhookSignature.ID_HEADER, attempt.messageId())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    long latency = Duration.ofNanos(System.nanoTime() - started).toMillis();
                    if (failure != null) {
                        return new Outcome(attempt.deliveryId(), null, latency, describe(failure));
                    }
                    int status = response.statusCode();
                    String error = status >= 200 && status < 300 ? null : "HTTP " + status + answer(response.body());
                    return new Outcome(attempt.deliveryId(), status, latency, error);
                });
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : "");
    }

    private static String answer(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        return ": " + (text.length() > ERROR_TEXT_LIMIT ? text.substring(0, ERROR_TEXT_LIMIT) + "..." : text);
    }
}
