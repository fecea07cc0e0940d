package dev.relaydesk.providers.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.relaydesk.providers.signing.WebhookSignature;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP receiver on a free loopback port, standing in for a company's system: each endpoint checks the
 * Standard Webhooks signature with the secret it was given (401 when it does not verify), then answers with
 * its scripted status codes, and records what it received.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/", receiver::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return receiver;
    }

    /** A new endpoint that expects signatures made with {@code secret} and answers 200 unless scripted. */
    Endpoint endpoint(String secret) {
        Endpoint endpoint = new Endpoint("/hooks/" + UUID.randomUUID(), secret);
        endpoints.put(endpoint.path, endpoint);
        return endpoint;
    }

    String url(Endpoint endpoint) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + endpoint.path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Endpoint endpoint = endpoints.get(exchange.getRequestURI().getPath());
            if (endpoint == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            boolean verified;
            try {
                WebhookSignature.forSecret(endpoint.secret).verify(
                        exchange.getRequestHeaders().getFirst(WebhookSignature.ID_HEADER),
                        exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                        exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                        body, Instant.now());
                verified = true;
            } catch (WebhookSignature.InvalidSignatureException e) {
                verified = false;
            }
            if (endpoint.delayMillis > 0) {
                sleep(endpoint.delayMillis);
            }
            Integer scripted = verified ? endpoint.script.poll() : null;
            int status = !verified ? 401 : scripted != null ? scripted : endpoint.defaultStatus;
            endpoint.received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSignature.ID_HEADER),
                    new String(body, StandardCharsets.UTF_8), verified, status));
            byte[] answer = (status == 401 ? "signature does not verify" : "status " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    record Received(String webhookId, String body, boolean signatureVerified, int answeredStatus) {
    }

    static final class Endpoint {
        final String path;
        final String secret;
        final ConcurrentLinkedDeque<Integer> script = new ConcurrentLinkedDeque<>();
        final List<Received> received = new CopyOnWriteArrayList<>();
        volatile int defaultStatus = 200;
        volatile long delayMillis;

        private Endpoint(String path, String secret) {
            this.path = path;
            this.secret = secret;
        }

        /** The next requests are answered with these status codes, in order; then the default. */
        Endpoint answering(Integer... statuses) {
            script.addAll(List.of(statuses));
            return this;
        }

        /** Every answer comes this late. */
        Endpoint answeringAfter(long millis) {
            delayMillis = millis;
            return this;
        }

        Endpoint answeringAlways(int status) {
            defaultStatus = status;
            return this;
        }
    }
}
