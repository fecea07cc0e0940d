package dev.relaydesk.providers.screening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.providers.ExternalProviderStub;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ticket screening against a real external service on loopback (allow-listed in the test profile): redirect and
 * set fields, reject, and each fallback when the service is too slow or answers nonsense.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class TicketScreeningTest {

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
        given().auth().oauth2(admin).delete("/api/admin/providers/ticket-screening");
    }

    @Test
    void withoutAProviderEveryTicketIsAcceptedUnchanged() {
        screen().statusCode(200).body("outcome", equalTo("ACCEPT")).body("projectKey", nullValue())
                .body("fallback", equalTo(false));
    }

    @Test
    void theServiceRedirectsAndSetsFieldsOnASignedRequest() {
        String secret = configure(Map.of("mode", "EXTERNAL", "url", provider.url()))
                .statusCode(200).body("secretSet", equalTo(true)).body("generatedSecret", startsWith("whsec_"))
                .extract().path("generatedSecret");
        provider.script(secret, 200, """
                {"decision": "accept", "projectKey": "SALES", "type": "Sales", "customFields": {"customerId": "C-1042", "seats": 12}}""", 0);

        screen().statusCode(200)
                .body("outcome", equalTo("ACCEPT"))
                .body("projectKey", equalTo("SALES"))
                .body("type", equalTo("Sales"))
                .body("customFields.customerId", equalTo("C-1042"))
                .body("customFields.seats", equalTo(12))
                .body("fallback", equalTo(false));

        assertEquals(1, provider.received().size());
        ExternalProviderStub.Received request = provider.received().get(0);
        assertTrue(request.signatureVerified(), "signed with the secret the admin was given");
        assertEquals("screening/v1", request.contract());
        assertTrue(request.body().contains("\"clientEmail\":\"ana@example.com\""), request.body());
        // the secret is write-only
        given().auth().oauth2(admin).get("/api/admin/providers/ticket-screening").then().statusCode(200)
                .body("secretSet", equalTo(true)).body("generatedSecret", nullValue())
                .body(org.hamcrest.Matchers.not(containsString(secret.substring(6, 20))));
    }

    @Test
    void theServiceRejectsWithAMessageForTheClient() {
        String secret = configured(Map.of());
        provider.script(secret, 200, "{\"decision\": \"reject\", \"message\": \"We only handle tickets of contract customers.\"}", 0);

        screen().statusCode(200).body("outcome", equalTo("REJECT"))
                .body("message", equalTo("We only handle tickets of contract customers.")).body("fallback", equalTo(false));
    }

    @Test
    void aServiceTooSlowIsCutOffAtItsTimeoutAndTheAdminsFallbackDecides() {
        String secret = configured(Map.of("timeoutMs", 300, "fallback", "ACCEPT_UNCHANGED"));
        provider.script(secret, 200, "{\"decision\": \"reject\", \"message\": \"too late to count\"}", 1500);
        screen().statusCode(200).body("outcome", equalTo("ACCEPT")).body("fallback", equalTo(true))
                .body("reason", containsString("no answer within 300 ms"));

        configured(Map.of("timeoutMs", 300, "fallback", "REJECT"));
        screen().statusCode(200).body("outcome", equalTo("REJECT")).body("fallback", equalTo(true))
                .body("message", equalTo(TicketScreening.UNAVAILABLE_MESSAGE));
    }

    @Test
    void anAnswerOutsideTheContractCountsAsNoAnswer() {
        String secret = configured(Map.of("fallback", "REJECT"));
        provider.script(secret, 200, "{\"decision\": \"reject\"}", 0); // no message for the client
        screen().statusCode(200).body("outcome", equalTo("REJECT")).body("fallback", equalTo(true))
                .body("reason", containsString("without a message"));

        provider.script(secret, 200, "{\"decision\": \"accept\", \"customFields\": {\"nested\": {\"a\": 1}}}", 0);
        screen().statusCode(200).body("fallback", equalTo(true)).body("reason", containsString("custom field"));

        provider.script(secret, 500, "{}", 0);
        screen().statusCode(200).body("fallback", equalTo(true)).body("reason", containsString("HTTP 500"));
    }

    @Test
    void aWrongSecretMeansTheServiceRefusesAndTheFallbackDecides() {
        configured(Map.of("fallback", "ACCEPT_UNCHANGED"));
        provider.script("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]), 200, "{\"decision\": \"accept\"}", 0);
        screen().statusCode(200).body("fallback", equalTo(true)).body("reason", containsString("HTTP 401"));
        assertTrue(!provider.received().get(0).signatureVerified());
    }

    @Test
    void internalAddressesAndBadSettingsAreRefusedWithTheField() {
        configure(Map.of("mode", "EXTERNAL", "url", "http://10.0.0.5/screen")).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("url"))
                .body("detail", containsString("internal address"));
        configure(Map.of("mode", "EXTERNAL")).statusCode(400).body("errors[0].field", equalTo("url"));
        configure(Map.of("mode", "EXTERNAL", "url", provider.url(), "secret", "plain")).statusCode(400)
                .body("errors[0].field", equalTo("secret"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("mode", "EXTERNAL"))
                .put("/api/admin/providers/telepathy").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(KeycloakTokens.accessToken("agent", "agent")).contentType(ContentType.JSON)
                .body(Map.of("mode", "BUILT_IN")).put("/api/admin/providers/ticket-screening").then().statusCode(403);
        given().contentType(ContentType.JSON).body(draft()).post("/internal/screening").then().statusCode(401);
    }

    /** An external provider at the stub with these extra settings; returns the secret the stub must verify with. */
    private String configured(Map<String, Object> extra) {
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
        Map<String, Object> body = new HashMap<>(extra);
        body.put("mode", "EXTERNAL");
        body.put("url", provider.url());
        body.put("secret", secret);
        configure(body).statusCode(200);
        return secret;
    }

    private ValidatableResponse configure(Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .put("/api/admin/providers/ticket-screening").then();
    }

    private ValidatableResponse screen() {
        return given().header(dev.relaydesk.web.InternalApiKeyFilter.HEADER, internalKey).contentType(ContentType.JSON).body(draft())
                .post("/internal/screening").then();
    }

    private static Map<String, Object> draft() {
        return Map.of("projectKey", "SUP", "title", "Need 12 more seats", "description", "For the new team.",
                "clientEmail", "ana@example.com", "clientName", "Ana Lima", "source", "WEB_FORM",
                "customFields", Map.of());
    }
}
