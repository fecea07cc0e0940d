package dev.relaydesk.notification.delivery;

import com.sun.net.httpserver.HttpServer;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * portal-service's {@code /internal/access-codes/{requestId}} as notification-service's tests need it (the real one
 * is tested in portal-service): the codes a test registers, 410 for any other request, 401 without the internal key.
 */
public class PortalCodesStandIn implements QuarkusTestResourceLifecycleManager {

    /** The code portal-service would make for each request id. */
    public static final Map<UUID, String> CODES = new ConcurrentHashMap<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/access-codes/", exchange -> {
            String requestId = exchange.getRequestURI().getPath().substring("/internal/access-codes/".length());
            String code = CODES.get(UUID.fromString(requestId));
            int status;
            String body;
            if (!RelaydeskTestResource.INTERNAL_API_KEY.equals(exchange.getRequestHeaders()
                    .getFirst("X-Relaydesk-Internal-Key"))) {
                status = 401;
                body = "{\"status\":401}";
            } else if (code == null || !"POST".equals(exchange.getRequestMethod())) {
                status = 410;
                body = "{\"status\":410}";
            } else {
                status = 200;
                body = "{\"code\":\"" + code + "\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type",
                    status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return Map.of("quarkus.rest-client.portal-codes.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
