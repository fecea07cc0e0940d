package dev.relaydesk.providers.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaydesk.providers.outbound.OutboundUrlGuard;
import dev.relaydesk.providers.outbound.RefusedUrlException;
import dev.relaydesk.contracts.ScreeningDraft;
import dev.relaydesk.providers.screening.ScreeningContract.Verdict;
import dev.relaydesk.providers.signing.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * Asks the external screening service about one draft: a signed POST bounded by the provider's timeout. While the
 * service keeps failing, the circuit opens and callers get the fallback at once instead of waiting each time.
 */
@ApplicationScoped
class ScreeningClient {

    private final OutboundUrlGuard guard;
    private final ObjectMapper json;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER) // a redirect could lead to an internal address
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    ScreeningClient(OutboundUrlGuard guard, ObjectMapper json) {
        this.guard = guard;
        this.json = json;
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = ProviderFailure.class)
    Verdict ask(String url, String secret, Duration timeout, ScreeningDraft draft) {
        URI target;
        try {
            target = guard.check(url);
        } catch (RefusedUrlException e) {
            throw new ProviderFailure("URL refused: " + e.getMessage());
        }
        byte[] body = write(draft);
        String messageId = "msg_" + UUID.randomUUID();
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "RelayDesk-Providers/1")
                .header("X-RelayDesk-Contract", ScreeningContract.VERSION)
                .header(WebhookSignature.ID_HEADER, messageId)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.forSecret(secret).sign(messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ProviderFailure("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new ProviderFailure("unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure("interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new ProviderFailure("answered HTTP " + response.statusCode());
        }
        try {
            return json.readValue(response.body(), Verdict.class);
        } catch (IOException e) {
            throw new ProviderFailure("answered something that is not a screening verdict");
        }
    }

    private byte[] write(ScreeningDraft draft) {
        try {
            return json.writeValueAsBytes(draft);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a screening draft", e);
        }
    }
}
