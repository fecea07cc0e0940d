package dev.relaydesk.sampleprovider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sample external provider, as small as a company's own could be (JDK only).
 * <ul>
 * <li>{@code POST /events}: receives Relay Desk's event webhooks; refuses (401) any request whose Standard
 * Webhooks signature does not verify, answers 204 otherwise, and acts once per {@code webhook-id}.</li>
 * <li>{@code POST /user-information}: answers the gateway's user-information requests (contract
 * {@code user-information/v1}, signed like the webhooks) with made-up but stable facts about the client: recent
 * purchases, licences, account. Refuses (401) a request whose signature does not verify.</li>
 * <li>{@code POST /custom-fields}: answers the custom-fields requests (contract {@code custom-fields/v1}) with the
 * client's customer id and plan, the same way.</li>
 * <li>{@code POST /login}: answers the login requests (contract {@code login/v1}) from a directory of one demo user,
 * {@code dana@example.com} / {@code relaydesk-demo}, the same way.</li>
 * <li>{@code GET /stats}: how many events it took, how many repeats it dropped, how many requests it refused.</li>
 * </ul>
 * Run: {@code WEBHOOK_SECRET=whsec_... java -jar sample-provider/target/sample-provider.jar [port]} (default 8090,
 * loopback only). {@code SAMPLE_PROVIDER_QUIET=1} stops the line per event.
 */
public final class SampleProvider implements AutoCloseable {

    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CLIENT_EMAIL = Pattern.compile("\"clientEmail\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final StandardWebhookVerifier verifier;
    private final boolean quiet;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    private SampleProvider(HttpServer server, String secret, boolean quiet) {
        this.server = server;
        this.verifier = new StandardWebhookVerifier(secret);
        this.quiet = quiet;
    }

    public static SampleProvider start(int port, String secret, boolean quiet) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        SampleProvider provider = new SampleProvider(server, secret, quiet);
        server.createContext("/events", provider::events);
        server.createContext("/user-information",
                exchange -> provider.answerSigned(exchange, body -> DemoCustomers.about(first(CLIENT_EMAIL, body))));
        server.createContext("/custom-fields",
                exchange -> provider.answerSigned(exchange, body -> DemoCustomers.fields(first(CLIENT_EMAIL, body))));
        server.createContext("/login", exchange -> provider.answerSigned(exchange, DemoLogins::answer));
        server.createContext("/stats", provider::stats);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return provider;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public static void main(String[] args) throws IOException {
        String secret = System.getenv("WEBHOOK_SECRET");
        if (secret == null || secret.isBlank()) {
            System.err.println("Set WEBHOOK_SECRET to the subscription's secret (whsec_...).");
            System.exit(2);
        }
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        SampleProvider provider = start(port, secret, "1".equals(System.getenv("SAMPLE_PROVIDER_QUIET")));
        System.out.println("Sample provider listening on http://127.0.0.1:" + provider.port() + "/events");
    }

    private void events(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "POST only");
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String problem = verifier.problem(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, Instant.now());
            if (problem != null) {
                rejected.incrementAndGet();
                System.out.println("refused a request: " + problem);
                answer(exchange, 401, problem);
                return;
            }
            if (!seen.add(id)) {
                duplicates.incrementAndGet(); // a retry of what we already took: acknowledge, do nothing
            } else {
                received.incrementAndGet();
                if (!quiet) {
                    String text = new String(body, StandardCharsets.UTF_8);
                    System.out.println(first(TYPE, text) + " " + id + " ticket " + first(NUMBER, text));
                }
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** A signed request (user information, custom fields, login): the demo answer for its body. */
    private void answerSigned(HttpExchange exchange, java.util.function.UnaryOperator<String> answerFor) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "POST only");
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String problem = verifier.problem(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, Instant.now());
            if (problem != null) {
                rejected.incrementAndGet();
                System.out.println("refused a request: " + problem);
                answer(exchange, 401, problem);
                return;
            }
            if (!quiet) {
                System.out.println(exchange.getRequestURI().getPath()); // never the body: a login carries a password
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            answer(exchange, 200, answerFor.apply(new String(body, StandardCharsets.UTF_8)));
        }
    }

    private void stats(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            answer(exchange, 200, "{\"received\":" + received.get() + ",\"duplicates\":" + duplicates.get()
                    + ",\"rejected\":" + rejected.get() + "}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "?";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
