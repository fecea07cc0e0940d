package dev.relaydesk.portal.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A real HTTP server in place of provider-gateway's {@code /internal/login/page} (what the admin's login provider
 * says), which also plays the company's own login page at {@code /sso/login}: it shows the address it was opened
 * with, as a company's page would read its return URL.
 */
public class LoginPageGatewayStub implements QuarkusTestResourceLifecycleManager {

    /** The gateway's JSON answer; no login page until a test says otherwise. */
    public static volatile String answer = "{\"loginUrl\":null}";
    public static volatile int status = 200;
    public static volatile Duration delay = Duration.ZERO;
    public static volatile int port;

    private HttpServer server;

    /** The company's login page on this server, as an admin would configure it. */
    public static String companyLoginPage() {
        return "http://127.0.0.1:" + port + "/sso/login?tenant=acme";
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/internal/login/page", exchange -> {
            if (!RelaydeskTestResource.INTERNAL_API_KEY.equals(exchange.getRequestHeaders().getFirst("X-Relaydesk-Internal-Key"))) {
                send(exchange, 401, "");
                return;
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, status, answer);
        });
        server.createContext("/sso/login", exchange -> send(exchange, 200, "<!doctype html><title>Acme sign-in</title>"
                + "<h1>Acme sign-in</h1><p id=\"query\">" + exchange.getRequestURI().getRawQuery() + "</p>"));
        server.start();
        port = server.getAddress().getPort();
        return Map.of("relaydesk.providers.internal-url", "http://127.0.0.1:" + port);
    }

    private static void send(HttpExchange exchange, int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().add("Content-Type", body.startsWith("<") ? "text/html" : "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException gone) {
            // the portal stopped waiting
        }
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
