package dev.relaydesk.ticket.userinformation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The shared test stack, plus provider-gateway's user-information endpoint played by an HTTP server of this test
 * JVM: it answers what a test scripted, as late as scripted, and a test may take it down and bring it back.
 * ticket-service's user information is switched on and pointed at it.
 */
public class FakeProviderGateway extends RelaydeskTestResource {

    private static int port;
    private static HttpServer server;
    private static volatile String answer = "{\"status\": \"NOT_CONFIGURED\", \"sections\": []}";
    private static volatile long delayMillis;
    private static final List<String> QUERIES = new CopyOnWriteArrayList<>();
    private static final List<String> KEYS = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        port = freePort();
        up();
        config.put("relaydesk.providers.user-information.enabled", "true");
        config.put("quarkus.rest-client.user-information.url", "http://127.0.0.1:" + port);
        return config;
    }

    @Override
    public void stop() {
        down();
        super.stop();
    }

    /** The next lookups get this body (the gateway's UserInformation JSON), this late. */
    static void script(String body, long delay) {
        answer = body;
        delayMillis = delay;
        QUERIES.clear();
        KEYS.clear();
    }

    /** The decoded query strings of the lookups since the last script. */
    static List<String> queries() {
        return QUERIES;
    }

    /** The internal API keys the lookups carried. */
    static List<String> keys() {
        return KEYS;
    }

    static synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/user-information", FakeProviderGateway::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    static synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            QUERIES.add(query == null ? "" : URLDecoder.decode(query, StandardCharsets.UTF_8));
            KEYS.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Relaydesk-Internal-Key")));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // the caller gave up waiting (a test of the page's timeout): nothing to answer to
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
