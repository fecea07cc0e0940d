package dev.relaydesk.providers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.relaydesk.providers.signing.WebhookSignature;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The third party we cannot run: a company's web service (screening, user information, custom fields,
 * registration) on loopback, at {@code /about}. It refuses requests whose Standard Webhooks signature does not
 * verify with its secret (401), and otherwise answers what the test scripted, with the scripted status, as late
 * as scripted.
 */
public final class ExternalProviderStub implements AutoCloseable {

    public record Received(String body, boolean signatureVerified, String contract) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String secret;
    private volatile int status = 200;
    private volatile String answer = "{\"sections\": []}";
    private volatile long delayMillis;

    private ExternalProviderStub(HttpServer server) {
        this.server = server;
    }

    public static ExternalProviderStub start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExternalProviderStub stub = new ExternalProviderStub(server);
        server.createContext("/about", stub::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return stub;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/about";
    }

    /** The next requests verify against this secret and get this answer, this late; forgets earlier requests. */
    public void script(String secret, String answer, long delayMillis) {
        script(secret, 200, answer, delayMillis);
    }

    /** As {@link #script(String, String, long)}, answering verified requests with this status. */
    public void script(String secret, int status, String answer, long delayMillis) {
        this.secret = secret;
        this.status = status;
        this.answer = answer;
        this.delayMillis = delayMillis;
        received.clear();
    }

    public List<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean verified;
            try {
                WebhookSignature.forSecret(secret).verify(
                        exchange.getRequestHeaders().getFirst(WebhookSignature.ID_HEADER),
                        exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                        exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), body, Instant.now());
                verified = true;
            } catch (WebhookSignature.InvalidSignatureException e) {
                verified = false;
            }
            received.add(new Received(new String(body, StandardCharsets.UTF_8), verified,
                    exchange.getRequestHeaders().getFirst("X-RelayDesk-Contract")));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = (verified ? answer : "signature does not verify").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(verified ? status : 401, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
