package dev.relaydesk.providers.outbound;

import dev.relaydesk.providers.signing.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One signed call to an external provider, as every synchronous provider kind makes it: the URL is checked
 * against the SSRF guard again, the body is signed the Standard Webhooks way, the whole exchange is bounded by
 * the provider's timeout, redirects are not followed and the answer is read up to a size limit. Circuit breakers
 * stay with each kind's client, so one failing provider does not silence another.
 */
@ApplicationScoped
public class SignedPost {

    private final OutboundUrlGuard guard;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER) // a redirect could lead to an internal address
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    SignedPost(OutboundUrlGuard guard) {
        this.guard = guard;
    }

    /** The provider's 2xx answer body; {@link ProviderCallException} for anything else, saying why. */
    public byte[] send(String url, String secret, Duration timeout, String contract, byte[] body, int maxAnswerBytes) {
        URI target;
        try {
            target = guard.check(url);
        } catch (RefusedUrlException e) {
            throw new ProviderCallException("URL refused: " + e.getMessage());
        }
        String messageId = "msg_" + UUID.randomUUID();
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "RelayDesk-Providers/1")
                .header("X-RelayDesk-Contract", contract)
                .header(WebhookSignature.ID_HEADER, messageId)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.forSecret(secret).sign(messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream answer = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new ProviderCallException("answered HTTP " + response.statusCode());
                }
                byte[] bytes = answer.readNBytes(maxAnswerBytes + 1);
                if (bytes.length > maxAnswerBytes) {
                    throw new ProviderCallException("answered more than " + maxAnswerBytes + " bytes");
                }
                return bytes;
            }
        } catch (HttpTimeoutException e) {
            throw new ProviderCallException("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new ProviderCallException("unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderCallException("interrupted");
        }
    }
}
