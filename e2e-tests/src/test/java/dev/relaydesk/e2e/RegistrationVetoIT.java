package dev.relaydesk.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.relaydesk.localstack.Endpoints;
import dev.relaydesk.testsupport.KeycloakTokens;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A company's registration service hears of every client who registers from a link page and may veto: the
 * portal shows its reason and no account exists; a client it allows logs in. The service is the one stand-in
 * (a third party we cannot run): a small HTTP server on loopback. Every Relay Desk service is its own process.
 */
class RegistrationVetoIT {

    private static final String VETO = "Accounts are for contract customers; please call us at +1 555 0100.";
    private static final String PASSWORD = "a long enough passphrase 42";

    private static Endpoints endpoints;
    private static HttpServer registrationService;
    private static final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startPlatformAndRegistrationService() throws IOException {
        endpoints = E2ePlatform.stack().endpoints();
        registrationService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registrationService.createContext("/register", RegistrationVetoIT::decide);
        registrationService.start();
        String url = "http://127.0.0.1:" + registrationService.getAddress().getPort() + "/register";
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("mode", "EXTERNAL", "url", url, "timeoutMs", 2000, "fallback", "ACCEPT_UNCHANGED"))
                .put(gateway() + "/api/admin/providers/registration").then().statusCode(200);
    }

    @AfterAll
    static void stopRegistrationService() {
        given().auth().oauth2(admin()).delete(gateway() + "/api/admin/providers/registration");
        registrationService.stop(0);
    }

    /** Vetoes addresses at blocked.example; allows everyone else. */
    private static void decide(HttpExchange exchange) throws IOException {
        try (exchange) {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(request);
            String answer = request.contains("@blocked.example")
                    ? "{\"decision\": \"veto\", \"message\": \"" + VETO + "\"}"
                    : "{\"decision\": \"allow\"}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Test
    void aVetoedClientIsToldTheServicesReasonAndGetsNoAccount() {
        String client = "vera-" + UUID.randomUUID().toString().substring(0, 8) + "@blocked.example";
        String link = linkPageOfSecondTicket(client);
        String page = offerOn(link);

        register(link, page).then().statusCode(422)
                .body(containsString("please call us at +1 555 0100"))
                .body(containsString("value=\"Vera\"")); // what the client typed is still there

        assertTrue(requests.stream().anyMatch(request -> request.contains(client)), "the service was asked");
        assertFalse(requests.stream().anyMatch(request -> request.contains(PASSWORD)), "never the password");
        assertThrows(IllegalStateException.class, () -> KeycloakTokens.accessToken(client, PASSWORD));
    }

    @Test
    void aClientTheServiceAllowsGetsAnAccountAndLogsIn() {
        String client = "alma-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String link = linkPageOfSecondTicket(client);

        register(link, offerOn(link)).then().statusCode(303);

        assertTrue(KeycloakTokens.accessToken(client, PASSWORD).length() > 20, "the new account logs in");
    }

    /** Two web-form tickets from one address; the second one's link page (where registration is offered). */
    private static String linkPageOfSecondTicket(String client) {
        String link = null;
        for (String title : List.of("Printer jams", "Scanner is slow")) {
            String form = given().get(portal() + "/form/SUP").then().statusCode(200).extract().asString();
            link = given().redirects().follow(false).contentType(ContentType.URLENC)
                    .formParam("name", "Vera Client").formParam("email", client)
                    .formParam("title", title).formParam("description", "Since Monday.")
                    .formParam("requestId", hidden(form, "requestId")).formParam("csrf", hidden(form, "csrf"))
                    .post(portal() + "/form/SUP")
                    .then().statusCode(303).extract().header("Location");
        }
        return link.startsWith("http") ? link : portal() + link;
    }

    private static String offerOn(String link) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> given().get(link).then().extract().asString(),
                page -> page.contains("action=\"" + path(link) + "/register\""));
    }

    private static io.restassured.response.Response register(String link, String page) {
        return given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("firstName", "Vera").formParam("lastName", "Client")
                .formParam("password", PASSWORD).formParam("passwordAgain", PASSWORD)
                .formParam("csrf", hidden(page, "csrf"))
                .post(link + "/register");
    }

    private static String path(String link) {
        String withoutHost = link.replaceFirst("^https?://[^/]+", "");
        int query = withoutHost.indexOf('?');
        return query < 0 ? withoutHost : withoutHost.substring(0, query);
    }

    private static String hidden(String page, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertTrue(matcher.find(), "no hidden " + name + " in the page");
        return matcher.group(1);
    }

    private static String portal() {
        return endpoints.serviceUrl("portal-service");
    }

    private static String gateway() {
        return endpoints.serviceUrl("provider-gateway");
    }

    private static String admin() {
        return KeycloakTokens.accessToken("admin", "admin");
    }
}
