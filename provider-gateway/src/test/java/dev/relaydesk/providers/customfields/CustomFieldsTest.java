package dev.relaydesk.providers.customfields;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.providers.ExternalProviderStub;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.web.InternalApiKeyFilter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Custom fields for a client's new ticket from a real external service on loopback: the fields and pre-filled
 * values from a signed request, "unavailable" when the service is slow or answers junk, nothing when none is set.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class CustomFieldsTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("custom-fields-test-secret-32byte".getBytes());
    private static final String BILLING = """
            {"fields": [
              {"name": "customerId", "label": "Customer id", "type": "text", "value": "C-1042"},
              {"name": "seats", "label": "Seats", "type": "number", "value": 12},
              {"name": "contractEnds", "label": "Contract ends", "type": "date", "value": "2027-03-31"},
              {"name": "notes", "label": "Notes", "type": "text", "value": null}]}""";

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
        given().auth().oauth2(admin).delete("/api/admin/providers/custom-fields");
    }

    @Test
    void withoutAProviderThereAreNoFields() {
        fields().statusCode(200).body("status", equalTo("NOT_CONFIGURED")).body("fields", hasSize(0));
    }

    @Test
    void theServiceNamesFieldsAndTheirValuesOnASignedRequest() {
        configure(Map.of("mode", "EXTERNAL", "url", provider.url(), "secret", SECRET)).statusCode(200)
                .body("kind", equalTo("custom-fields")).body("timeoutMs", equalTo(1500))
                .body("cacheTtlSeconds", nullValue()).body("fallback", nullValue());
        provider.script(SECRET, BILLING, 0);

        fields().statusCode(200).body("status", equalTo("AVAILABLE")).body("fields", hasSize(4))
                .body("fields[0].name", equalTo("customerId")).body("fields[0].label", equalTo("Customer id"))
                .body("fields[0].type", equalTo("text")).body("fields[0].value", equalTo("C-1042"))
                .body("fields[1].value", equalTo(12))
                .body("fields[2].value", equalTo("2027-03-31"))
                .body("fields[3].value", nullValue());

        assertEquals(1, provider.received().size());
        ExternalProviderStub.Received request = provider.received().get(0);
        assertTrue(request.signatureVerified(), "signed with the admin's secret");
        assertEquals("custom-fields/v1", request.contract());
        assertTrue(request.body().contains("\"clientEmail\":\"ana@example.com\""), request.body());
        assertTrue(request.body().contains("\"projectKey\":\"SUP\""), request.body());
        given().auth().oauth2(admin).get("/api/admin/providers/custom-fields").then().statusCode(200)
                .body("secretSet", equalTo(true)).body(org.hamcrest.Matchers.not(containsString(SECRET.substring(6, 20))));
    }

    @Test
    void anAnswerOutsideTheContractOrTooLateIsUnavailable() {
        configured(Map.of("timeoutMs", 300));
        Map<String, String> junk = new LinkedHashMap<>();
        junk.put("{\"fields\": [{\"name\": \"customerId\", \"label\": \"Customer\", \"type\": \"text\", \"value\": {\"id\": 1}}]}",
                "not a text, number or boolean");
        junk.put("{\"fields\": [{\"name\": \"Customer Id\", \"label\": \"Customer\", \"type\": \"text\"}]}", "not a key");
        junk.put("{\"fields\": [{\"name\": \"customerId\", \"label\": \"Customer\", \"type\": \"password\"}]}", "field type");
        junk.put("{\"fields\": [{\"name\": \"a\", \"label\": \"A\", \"type\": \"text\"}, {\"name\": \"a\", \"label\": \"A\", \"type\": \"text\"}]}",
                "twice");
        junk.put("[1, 2, 3]", "not a list of custom fields");
        junk.forEach((answer, reason) -> {
            provider.script(SECRET, answer, 0);
            fields().statusCode(200).body("status", equalTo("UNAVAILABLE")).body("fields", hasSize(0))
                    .body("reason", containsString(reason));
        });

        provider.script(SECRET, BILLING, 1_500);
        long start = System.nanoTime();
        fields().statusCode(200).body("status", equalTo("UNAVAILABLE")).body("reason", containsString("no answer within 300 ms"));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 1_200, "cut off at the provider's timeout");
    }

    @Test
    void settingsAndCallersAreChecked() {
        configure(Map.of("mode", "EXTERNAL", "url", "http://192.168.1.20/fields")).statusCode(400)
                .body("errors[0].field", equalTo("url"));
        configure(Map.of("mode", "EXTERNAL", "url", provider.url(), "timeoutMs", 10_000)).statusCode(400)
                .body("errors[0].field", equalTo("timeoutMs"));
        given().queryParam("email", "ana@example.com").queryParam("project", "SUP").get("/internal/custom-fields")
                .then().statusCode(401);
        given().header(InternalApiKeyFilter.HEADER, internalKey).queryParam("email", "ana@example.com")
                .get("/internal/custom-fields").then().statusCode(400).body("errors[0].field", equalTo("project"));
    }

    private void configured(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("mode", "EXTERNAL", "url", provider.url(), "secret", SECRET));
        body.putAll(extra);
        configure(body).statusCode(200);
    }

    private ValidatableResponse configure(Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .put("/api/admin/providers/custom-fields").then();
    }

    private ValidatableResponse fields() {
        return given().header(InternalApiKeyFilter.HEADER, internalKey).queryParam("email", "ana@example.com")
                .queryParam("name", "Ana Lima").queryParam("project", "SUP").get("/internal/custom-fields").then();
    }
}
