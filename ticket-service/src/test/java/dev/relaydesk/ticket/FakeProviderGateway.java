package dev.relaydesk.ticket;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The shared test stack, plus provider-gateway's user-information and custom-fields endpoints played by an HTTP
 * server of this test JVM: each answers what a test scripted, as late as scripted, and a test may take the server
 * down and bring it back. ticket-service's calls to both are switched on and pointed at it.
 */
public class FakeProviderGateway extends RelaydeskTestResource {

    public static final String USER_INFORMATION = "/internal/user-information";
    public static final String CUSTOM_FIELDS = "/internal/custom-fields";

    private record Script(String body, long delayMillis) {
    }

    /** One lookup as the gateway saw it. */
    public record Lookup(String query, String internalKey) {
    }

    private static int port;
    private static HttpServer server;
    private static final Map<String, Script> SCRIPTS = new ConcurrentHashMap<>(Map.of(
            USER_INFORMATION, new Script("{\"status\": \"NOT_CONFIGURED\", \"sections\": []}", 0),
            CUSTOM_FIELDS, new Script("{\"status\": \"NOT_CONFIGURED\", \"fields\": []}", 0)));
    private static final Map<String, List<Lookup>> LOOKUPS = new ConcurrentHashMap<>(Map.of(
            USER_INFORMATION, new CopyOnWriteArrayList<>(), CUSTOM_FIELDS, new CopyOnWriteArrayList<>()));

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        port = freePort();
        up();
        config.put("relaydesk.providers.user-information.enabled", "true");
        config.put("quarkus.rest-client.user-information.url", "http://127.0.0.1:" + port);
        config.put("relaydesk.providers.custom-fields.enabled", "true");
        config.put("quarkus.rest-client.custom-fields.url", "http://127.0.0.1:" + port);
        return config;
    }

    @Override
    public void stop() {
        down();
        super.stop();
    }

    /** The next lookups at this path get this body (the gateway's JSON), this late; forgets earlier lookups. */
    public static void script(String path, String body, long delayMillis) {
        SCRIPTS.put(path, new Script(body, delayMillis));
        LOOKUPS.get(path).clear();
    }

    /** The lookups at this path since its last script. */
    public static List<Lookup> lookups(String path) {
        return LOOKUPS.get(path);
    }

    public static synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(USER_INFORMATION, exchange -> handle(USER_INFORMATION, exchange));
        server.createContext(CUSTOM_FIELDS, exchange -> handle(CUSTOM_FIELDS, exchange));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public static synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private static void handle(String path, HttpExchange exchange) {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            LOOKUPS.get(path).add(new Lookup(query == null ? "" : URLDecoder.decode(query, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Relaydesk-Internal-Key")));
            Script script = SCRIPTS.get(path);
            if (script.delayMillis() > 0) {
                Thread.sleep(script.delayMillis());
            }
            byte[] bytes = script.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // the caller gave up waiting (a test of its timeout): nobody to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
