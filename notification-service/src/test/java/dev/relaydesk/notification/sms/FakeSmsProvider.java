package dev.relaydesk.notification.sms;

import com.sun.net.httpserver.HttpServer;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared test stack, with the SMS provider set to a Twilio-style HTTP server of this test JVM: the one third
 * party we cannot run. It keeps every request and answers each number with the statuses a test scripted for it
 * (then 201).
 */
public class FakeSmsProvider extends RelaydeskTestResource {

    public static final String ACCOUNT = "AC-test-account";
    public static final String TOKEN = "test-auth-token-secret";
    public static final String FROM = "+15005550006";

    /** One request as the provider saw it. */
    public record Request(String path, String authorization, String contentType, Map<String, String> form, int answer) {
    }

    private static final List<Request> REQUESTS = new ArrayList<>();
    private static final Map<String, Deque<Integer>> SCRIPTS = new HashMap<>();
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = answerFor(form.get("To"));
            synchronized (FakeSmsProvider.class) {
                REQUESTS.add(new Request(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), form, status));
            }
            byte[] body = (status < 300 ? "{\"sid\":\"SM" + REQUESTS.size() + "\",\"status\":\"queued\"}"
                    : "{\"code\":" + status + ",\"message\":\"scripted failure\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        config.put("relaydesk.sms.provider", "twilio");
        config.put("relaydesk.sms.base-url", "http://127.0.0.1:" + server.getAddress().getPort());
        config.put("relaydesk.sms.account", ACCOUNT);
        config.put("relaydesk.sms.token", TOKEN);
        config.put("relaydesk.sms.from", FROM);
        config.put("relaydesk.sms.long-messages", "split");
        config.put("relaydesk.sms.max-parts", "3");
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        super.stop();
    }

    /** The provider answers the next requests for this number with these statuses, then 201. */
    public static synchronized void script(String to, Integer... statuses) {
        SCRIPTS.put(to, new ArrayDeque<>(List.of(statuses)));
    }

    public static synchronized List<Request> requestsTo(String to) {
        return REQUESTS.stream().filter(request -> to.equals(request.form().get("To"))).toList();
    }

    private static synchronized int answerFor(String to) {
        Deque<Integer> script = SCRIPTS.get(to);
        return script == null || script.isEmpty() ? 201 : script.poll();
    }

    private static Map<String, String> parse(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
