package dev.relaydesk.providers.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A registration provider on loopback hears of each client who registers (signed, without the password) and may
 * veto with a reason; when it cannot answer, the admin's fallback decides.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class RegistrationProviderTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("registration-test-secret-32bytes".getBytes());
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
        given().auth().oauth2(admin).delete("/api/admin/providers/registration");
    }

    @Test
    void withoutAProviderEveryoneMayRegister() {
        check("ana@example.com").statusCode(200).body("allowed", equalTo(true)).body("message", nullValue());
    }

    @Test
    void theServiceHearsOfTheClientAndMayVetoWithItsReason() {
        configured(Map.of());
        provider.script(SECRET, "{\"decision\": \"veto\", \"message\": \"Accounts are for contract customers only.\"}", 0);

        check("ana@example.com").statusCode(200).body("allowed", equalTo(false))
                .body("message", equalTo("Accounts are for contract customers only.")).body("fallback", equalTo(false));

        ExternalProviderStub.Received request = provider.received().get(0);
        assertTrue(request.signatureVerified(), "signed with the admin's secret");
        assertEquals("registration/v1", request.contract());
        assertTrue(request.body().contains("\"email\":\"ana@example.com\""), request.body());
        assertTrue(request.body().contains("\"firstName\":\"Ana\""), request.body());
        assertFalse(request.body().toLowerCase().contains("password"), "the password never leaves identity-service");

        provider.script(SECRET, "{\"decision\": \"allow\"}", 0);
        check("bo@example.com").statusCode(200).body("allowed", equalTo(true));
    }

    @Test
    void noUsableAnswerMeansTheAdminsFallback() {
        configured(Map.of("timeoutMs", 300, "fallback", "REJECT"));
        provider.script(SECRET, "{\"decision\": \"veto\"}", 0); // a veto must say why
        check("ana@example.com").statusCode(200).body("allowed", equalTo(false)).body("fallback", equalTo(true))
                .body("message", containsString("cannot be created right now"))
                .body("reason", containsString("without a message"));

        provider.script(SECRET, "{\"decision\": \"allow\"}", 1_500);
        long start = System.nanoTime();
        check("ana@example.com").statusCode(200).body("allowed", equalTo(false)).body("fallback", equalTo(true));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 1_200, "cut off at the provider's timeout");

        configured(Map.of("timeoutMs", 300, "fallback", "ACCEPT_UNCHANGED"));
        provider.script(SECRET, "{\"decision\": \"maybe\"}", 0);
        check("ana@example.com").statusCode(200).body("allowed", equalTo(true)).body("fallback", equalTo(true))
                .body("reason", containsString("unknown decision"));
    }

    @Test
    void settingsAndCallersAreChecked() {
        configure(Map.of("mode", "EXTERNAL", "url", "http://10.0.0.5/register")).statusCode(400)
                .body("errors[0].field", equalTo("url"));
        given().contentType(ContentType.JSON).body(Map.of("email", "ana@example.com")).post("/internal/registration")
                .then().statusCode(401);
        given().header(InternalApiKeyFilter.HEADER, internalKey).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Ana")).post("/internal/registration")
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
        given().auth().oauth2(KeycloakTokens.accessToken("agent", "agent")).contentType(ContentType.JSON)
                .body(Map.of("mode", "EXTERNAL", "url", provider.url())).put("/api/admin/providers/registration")
                .then().statusCode(403);
    }

    private void configured(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("mode", "EXTERNAL", "url", provider.url(), "secret", SECRET));
        body.putAll(extra);
        configure(body).statusCode(200).body("kind", equalTo("registration"));
    }

    private ValidatableResponse configure(Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .put("/api/admin/providers/registration").then();
    }

    private ValidatableResponse check(String email) {
        return given().header(InternalApiKeyFilter.HEADER, internalKey).contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", "Ana", "lastName", "Lima")).post("/internal/registration")
                .then();
    }
}
