package dev.relaydesk.portal.testing;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.HttpCookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser without the browser: follows the portal's redirect to Keycloak's login page, fills in the
 * login form, and keeps the cookies, so later requests carry the portal session of the authorization code flow.
 */
public final class ClientLogin {

    private static final Pattern LOGIN_ACTION = Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private ClientLogin(String base) {
        this.base = base;
    }

    /** Logs in at Keycloak by way of {@code startPath}; the answer is the page the portal shows afterwards. */
    public static ClientLogin as(String base, String startPath, String username, String password) {
        ClientLogin login = new ClientLogin(base);
        HttpResponse<String> loginPage = login.get(startPath);
        Matcher action = LOGIN_ACTION.matcher(loginPage.body());
        if (!action.find()) {
            throw new AssertionError("no Keycloak login form at " + loginPage.uri() + " (HTTP " + loginPage.statusCode() + ")");
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        login.lastLogin = login.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return login;
    }

    private HttpResponse<String> lastLogin;

    /** Where the login ended (the portal's page, or Keycloak's form again when the password was wrong). */
    public HttpResponse<String> landing() {
        return lastLogin;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public HttpResponse<String> post(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Cookies as a browser keeps them for a loopback address: Keycloak marks its cookies Secure, which browsers
     * honour on http://127.0.0.1 but the JDK's CookieManager does not. Everything runs on one host, and the names
     * of Keycloak's and the portal's cookies differ, so one jar for all is enough.
     */
    private static final class LoopbackCookies extends CookieHandler {

        private final Map<String, String> jar = new LinkedHashMap<>();

        @Override
        public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (jar.isEmpty()) {
                return Map.of();
            }
            StringBuilder header = new StringBuilder();
            jar.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=').append(value));
            return Map.of("Cookie", List.of(header.toString()));
        }

        @Override
        public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    for (String value : values) {
                        for (HttpCookie cookie : HttpCookie.parse(value)) {
                            if (cookie.hasExpired() || cookie.getValue().isEmpty()) {
                                jar.remove(cookie.getName());
                            } else {
                                jar.put(cookie.getName(), cookie.getValue());
                            }
                        }
                    }
                }
            });
        }
    }
}
