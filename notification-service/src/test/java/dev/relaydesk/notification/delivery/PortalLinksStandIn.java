package dev.relaydesk.notification.delivery;

import com.sun.net.httpserver.HttpServer;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * portal-service's link minting ({@code /internal/tickets/{id}/links}) as notification-service's tests need it (the
 * real one is tested in portal-service): a link per ticket, and its booking page for the tickets a test says take
 * bookings; 401 without the internal key.
 */
public class PortalLinksStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String PORTAL = "https://portal.test";
    /** Tickets whose project takes bookings. */
    public static final Set<UUID> BOOKING = ConcurrentHashMap.newKeySet();

    private HttpServer server;

    public static String linkOf(UUID ticketId) {
        return PORTAL + "/t/link-of-" + ticketId;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/tickets/", exchange -> {
            String[] path = exchange.getRequestURI().getPath().split("/");
            int status;
            String body;
            if (!RelaydeskTestResource.INTERNAL_API_KEY.equals(exchange.getRequestHeaders()
                    .getFirst("X-Relaydesk-Internal-Key"))) {
                status = 401;
                body = "{\"status\":401}";
            } else {
                UUID ticketId = UUID.fromString(path[3]);
                String url = linkOf(ticketId);
                status = 201;
                body = "{\"url\":\"" + url + "\",\"bookingUrl\":"
                        + (BOOKING.contains(ticketId) ? "\"" + url + "/book\"" : "null") + "}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return Map.of("quarkus.rest-client.portal.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
