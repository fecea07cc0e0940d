package dev.relaydesk.ticket;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An agent's web session without a browser: logs in through Keycloak's login form (authorization code flow)
 * with a plain HTTP client that then carries the session cookie, for tests that need status codes or streams.
 */
public final class WebLogin {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private WebLogin() {
    }

    /** Logs {@code user} in on the agent UI at {@code base}; the client then carries that web session. */
    public static HttpClient logIn(String base, String user, String password) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new AllCookies())
                .followRedirects(HttpClient.Redirect.ALWAYS).connectTimeout(Duration.ofSeconds(10)).build();
        try {
            String loginPage = client.send(HttpRequest.newBuilder(URI.create(base + "/ui")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher action = FORM_ACTION.matcher(loginPage);
            if (!action.find()) {
                throw new AssertionError("no Keycloak login form: " + loginPage);
            }
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
            HttpResponse<String> inbox = client.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (inbox.statusCode() != 200 || !inbox.body().contains("<h1>Inbox</h1>")) {
                throw new AssertionError("login as " + user + " failed: " + inbox.statusCode() + " " + inbox.uri()
                        + "\n" + inbox.body());
            }
            return client;
        } catch (IOException e) {
            throw new AssertionError("login as " + user + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Keeps every cookie by name and sends all of them back, Secure ones included: Keycloak marks its login
     * cookies Secure, which a browser honours on 127.0.0.1 (a secure context) but Java's CookieManager does
     * not over http. Keycloak and the service share the host, and their cookie names differ.
     */
    private static final class AllCookies extends CookieHandler {

        private final Map<String, String> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; "))));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if ("set-cookie".equalsIgnoreCase(name)) {
                    values.forEach(this::store);
                }
            });
        }

        private void store(String setCookie) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                return;
            }
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            String lower = setCookie.toLowerCase(Locale.ROOT);
            if (value.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

}
