package dev.relaydesk.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.relaydesk.localstack.Endpoints;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.Smtp;
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
 * A company's screening service in front of ticket creation, every service its own process: the web form shows
 * the service's refusal to the client and opens nothing; a mailed ticket it accepts gets the field it sets.
 * The service is the one stand-in here (a third party we cannot run): a small HTTP server on loopback.
 */
class ScreeningJourneyIT {

    private static final String REFUSAL = "Refunds are handled by our billing team: billing@example.com.";

    private static Endpoints endpoints;
    private static HttpServer screeningService;
    private static final List<String> drafts = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startPlatformAndScreeningService() throws IOException {
        endpoints = E2ePlatform.stack().endpoints();
        screeningService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        screeningService.createContext("/screen", ScreeningJourneyIT::screen);
        screeningService.start();
        String url = "http://127.0.0.1:" + screeningService.getAddress().getPort() + "/screen";
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("mode", "EXTERNAL", "url", url, "timeoutMs", 2000, "fallback", "ACCEPT_UNCHANGED"))
                .put(gateway() + "/api/admin/providers/ticket-screening").then().statusCode(200);
    }

    @AfterAll
    static void stopScreening() {
        given().auth().oauth2(admin()).delete(gateway() + "/api/admin/providers/ticket-screening");
        screeningService.stop(0);
    }

    /** Refuses refunds; accepts everything else with the customer number the "billing system" knows. */
    private static void screen(HttpExchange exchange) throws IOException {
        try (exchange) {
            String draft = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            drafts.add(draft);
            String answer = draft.toLowerCase().contains("refund")
                    ? "{\"decision\": \"reject\", \"message\": \"" + REFUSAL + "\"}"
                    : "{\"decision\": \"accept\", \"customFields\": {\"customerId\": \"C-77\"}}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Test
    void aRefusedWebFormRequestShowsTheServicesWordsAndOpensNothing() {
        String client = "rita-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String portal = endpoints.serviceUrl("portal-service");
        String form = given().get(portal + "/form/SUP").then().statusCode(200).extract().asString();

        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("name", "Rita Moreno").formParam("email", client)
                .formParam("title", "I want a refund for March").formParam("description", "I was billed twice.")
                .formParam("requestId", hidden(form, "requestId")).formParam("csrf", hidden(form, "csrf"))
                .post(portal + "/form/SUP")
                .then().statusCode(422)
                .body(containsString("Refunds are handled by our billing team"))
                .body(containsString("I was billed twice.")); // what the client typed is still there
        assertTrue(drafts.stream().anyMatch(draft -> draft.contains(client)), "the service was asked");
        given().auth().oauth2(agent()).queryParam("clientEmail", client).get(tickets()).then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void aMailedTicketTheServiceAcceptsCarriesTheFieldItSet() {
        String client = "sam-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Smtp.send("127.0.0.1", endpoints.smtpReceiverPort(),
                Smtp.message(client, "support@relaydesk.test", "Printer in room 4 jams", "Every second page."));

        String id = await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(agent())
                .queryParam("clientEmail", client).get(tickets()).then().extract().jsonPath().getString("[0].id"),
                found -> found != null);
        given().auth().oauth2(agent()).get(tickets() + "/{id}", id).then().statusCode(200)
                .body("customFields.customerId", equalTo("C-77"));
        assertEquals(1, drafts.stream().filter(draft -> draft.contains(client)).count(), "asked once");
    }

    private static String hidden(String page, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertTrue(matcher.find(), "no hidden " + name + " in the form");
        return matcher.group(1);
    }

    private static String gateway() {
        return endpoints.serviceUrl("provider-gateway");
    }

    private static String tickets() {
        return endpoints.serviceUrl("ticket-service") + "/api/tickets";
    }

    private static String admin() {
        return KeycloakTokens.accessToken("admin", "admin");
    }

    private static String agent() {
        return KeycloakTokens.accessToken("agent", "agent");
    }
}
