package dev.relaydesk.portal.testing;

import com.sun.net.httpserver.HttpServer;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server in place of provider-gateway's {@code /internal/custom-fields} (the custom-fields provider behind
 * it is a third party): answers what the test sets, after the delay the test sets, and keeps the queries it got.
 */
public class CustomFieldsGatewayStub implements QuarkusTestResourceLifecycleManager {

    /** The JSON answer (the custom-fields/v1 contract); "NOT_CONFIGURED" until a test says otherwise. */
    public static volatile String answer = "{\"status\":\"NOT_CONFIGURED\",\"fields\":[]}";
    public static volatile Duration delay = Duration.ZERO;
    public static final List<String> queries = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/internal/custom-fields", exchange -> {
            if (!RelaydeskTestResource.INTERNAL_API_KEY.equals(exchange.getRequestHeaders().getFirst("X-Relaydesk-Internal-Key"))) {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            queries.add(exchange.getRequestURI().getRawQuery());
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (IOException gone) {
                // the portal stopped waiting
            }
            exchange.close();
        });
        server.start();
        return Map.of("relaydesk.providers.internal-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
