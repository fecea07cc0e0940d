package dev.relaydesk.providers.userinformation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.providers.ExternalProviderStub;
import dev.relaydesk.sampleprovider.SampleProvider;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.web.InternalApiKeyFilter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.net.ServerSocket;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * User information for the agent's ticket page, against a real external service on loopback (allow-listed in the
 * test profile): shown from a signed request, cached per client, "unavailable" quickly when the service is down,
 * slow or answers junk, and settings that would reach inside or leak the secret refused.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class UserInformationTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("user-information-test-secret-32b".getBytes());
    private static final String PURCHASES = """
            {"sections": [
              {"title": "Recent purchases", "items": [
                {"label": "Order 10-4471", "value": "12 seats <b>paid</b>", "url": "https://shop.example.com/orders/10-4471"},
                {"label": "Order 10-3310", "value": "Mail connector"}]},
              {"title": "Licences", "items": [{"label": "Plan", "value": "Business (25 seats)"}]}]}""";

    private static ExternalProviderStub provider;
    private final String admin = KeycloakTokens.accessToken("admin", "admin");

    @ConfigProperty(name = "relaydesk.internal.api-key")
    String internalKey;

    @BeforeAll
    static void startProvider() throws Exception {
        provider = ExternalProviderStub.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @BeforeEach
    void noProvider() {
        given().auth().oauth2(admin).delete("/api/admin/providers/user-information");
    }

    @Test
    void withoutAProviderThereIsNothingToShow() {
        about(client()).statusCode(200).body("status", equalTo("NOT_CONFIGURED")).body("sections", hasSize(0));
    }

    @Test
    void theServicesSectionsAreShownFromASignedRequestAndReusedWithinTheTtl() {
        String secret = configure(Map.of("mode", "EXTERNAL", "url", provider.url()))
                .statusCode(200).body("secretSet", equalTo(true)).body("generatedSecret", startsWith("whsec_"))
                .body("timeoutMs", equalTo(1000)).body("cacheTtlSeconds", equalTo(60))
                .extract().path("generatedSecret");
        provider.script(secret, PURCHASES, 0);
        String client = client();

        for (int i = 0; i < 3; i++) {
            about(client).statusCode(200)
                    .body("status", equalTo("AVAILABLE"))
                    .body("sections", hasSize(2))
                    .body("sections[0].title", equalTo("Recent purchases"))
                    .body("sections[0].items[0].label", equalTo("Order 10-4471"))
                    .body("sections[0].items[0].value", equalTo("12 seats <b>paid</b>")) // text; the page escapes it
                    .body("sections[0].items[0].url", equalTo("https://shop.example.com/orders/10-4471"))
                    .body("sections[0].items[1].url", nullValue())
                    .body("sections[1].items[0].value", equalTo("Business (25 seats)"));
        }
        assertEquals(1, provider.received().size(), "asked once, then served from the cache");
        ExternalProviderStub.Received request = provider.received().get(0);
        assertTrue(request.signatureVerified(), "signed with the secret the admin was given");
        assertEquals("user-information/v1", request.contract());
        assertTrue(request.body().contains("\"clientEmail\":\"" + client + "\""), request.body());
        assertTrue(request.body().contains("\"ticketNumber\":\"SUP-42\""), request.body());
        assertTrue(request.body().contains("\"projectKey\":\"SUP\""), request.body());

        about(client()).statusCode(200).body("status", equalTo("AVAILABLE"));
        assertEquals(2, provider.received().size(), "another client is asked about");

        // the secret is write-only
        given().auth().oauth2(admin).get("/api/admin/providers/user-information").then().statusCode(200)
                .body("secretSet", equalTo(true)).body("generatedSecret", nullValue())
                .body(not(containsString(secret.substring(6, 20))));
    }

    @Test
    void anAnswerIsAskedForAgainOnceItsTtlHasPassed() throws Exception {
        configured(Map.of("cacheTtlSeconds", 1));
        provider.script(SECRET, PURCHASES, 0);
        String client = client();
        about(client).body("status", equalTo("AVAILABLE"));
        about(client).body("status", equalTo("AVAILABLE"));
        assertEquals(1, provider.received().size());
        Thread.sleep(1_200);
        about(client).body("status", equalTo("AVAILABLE"));
        assertEquals(2, provider.received().size(), "the cached answer expired");
    }

    @Test
    void aServiceThatIsDownOrTooSlowIsUnavailableWithinItsTimeout() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        configured(Map.of("url", "http://127.0.0.1:" + closedPort + "/about"));
        long start = System.nanoTime();
        about(client()).statusCode(200).body("status", equalTo("UNAVAILABLE")).body("sections", hasSize(0))
                .body("reason", containsString("unreachable"));
        assertTrue(millisSince(start) < 1_000, "down: answered at once");

        configured(Map.of("timeoutMs", 300));
        provider.script(SECRET, PURCHASES, 2_000);
        start = System.nanoTime();
        about(client()).statusCode(200).body("status", equalTo("UNAVAILABLE"))
                .body("reason", containsString("no answer within 300 ms"));
        assertTrue(millisSince(start) < 1_200, "slow: cut off at its timeout, took " + millisSince(start) + " ms");
    }

    @Test
    void anAnswerOutsideTheContractIsRefusedAndNotCached() {
        configured(Map.of());
        String client = client();
        Map<String, String> junk = Map.of(
                "{\"sections\": [{\"title\": \"Links\", \"items\": [{\"label\": \"Shop\", \"value\": \"x\", \"url\": \"javascript:alert(1)\"}]}]}",
                "not an http or https URL",
                "{\"sections\": [{\"title\": \"Orders\", \"items\": [{\"value\": \"no label\"}]}]}", "item label",
                "{\"sections\": [{\"title\": \"" + "x".repeat(101) + "\", \"items\": []}]}", "longer than 100",
                "{\"sections\": " + "[" + "{\"title\": \"s\", \"items\": []},".repeat(10) + "{\"title\": \"s\", \"items\": []}]}",
                "more than 10 sections",
                "{\"sections\": \"lots\"}", "not user information",
                "<html>Gateway Timeout</html>", "not user information",
                "{}", "without sections");
        junk.forEach((answer, reason) -> {
            provider.script(SECRET, answer, 0);
            about(client).statusCode(200).body("status", equalTo("UNAVAILABLE")).body("sections", hasSize(0))
                    .body("reason", containsString(reason));
        });

        provider.script(SECRET, PURCHASES, 0);
        about(client).statusCode(200).body("status", equalTo("AVAILABLE"));
    }

    @Test
    void theSampleProviderAnswersWithDemoFacts() throws Exception {
        try (SampleProvider sample = SampleProvider.start(0, SECRET, true)) {
            configured(Map.of("url", "http://127.0.0.1:" + sample.port() + "/user-information"));
            about(client()).statusCode(200).body("status", equalTo("AVAILABLE"))
                    .body("sections.title", equalTo(java.util.List.of("Recent purchases", "Licences", "Account")))
                    .body("sections[0].items[0].url", startsWith("https://shop.example.com/orders/"));
        }
    }

    @Test
    void internalAddressesSlowTimeoutsAndStrangersAreRefused() {
        configure(Map.of("mode", "EXTERNAL", "url", "http://169.254.169.254/latest/meta-data")).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("url"))
                .body("detail", containsString("internal address"));
        configure(Map.of("mode", "EXTERNAL", "url", "http://10.0.0.5/about")).statusCode(400)
                .body("errors[0].field", equalTo("url"));
        configure(Map.of("mode", "EXTERNAL", "url", provider.url(), "timeoutMs", 5000)).statusCode(400)
                .body("errors[0].field", equalTo("timeoutMs"));
        configure(Map.of("mode", "EXTERNAL", "url", provider.url(), "secret", "plain")).statusCode(400)
                .body("errors[0].field", equalTo("secret"));
        given().auth().oauth2(KeycloakTokens.accessToken("agent", "agent")).contentType(ContentType.JSON)
                .body(Map.of("mode", "BUILT_IN")).put("/api/admin/providers/user-information").then().statusCode(403);
        given().queryParam("email", client()).get("/internal/user-information").then().statusCode(401);
        given().header(InternalApiKeyFilter.HEADER, internalKey).get("/internal/user-information").then().statusCode(400)
                .body("errors[0].field", equalTo("email"));
    }

    /** An external provider at the stub (unless extra says otherwise), signing with {@link #SECRET}. */
    private void configured(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("mode", "EXTERNAL");
        body.put("url", provider.url());
        body.put("secret", SECRET);
        body.putAll(extra);
        configure(body).statusCode(200);
    }

    private ValidatableResponse configure(Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .put("/api/admin/providers/user-information").then();
    }

    private ValidatableResponse about(String client) {
        return given().header(InternalApiKeyFilter.HEADER, internalKey)
                .queryParam("email", client).queryParam("name", "Ana Lima").queryParam("ticket", "SUP-42")
                .queryParam("project", "SUP")
                .get("/internal/user-information").then();
    }

    private static String client() {
        return "client-" + UUID.randomUUID() + "@example.com";
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
