package dev.relaydesk.providers.login;

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
 * The login provider, as Keycloak's Relay Desk login provider calls it: an external login service on loopback is
 * asked (signed) who a login is and whether its password is right; whatever it does wrong, the answer is "no",
 * never an error. The admin's settings decide the role and whether the email counts as verified.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class LoginProviderTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("login-provider-test-secret-32byt".getBytes());
    private static final String ANA = "{\"result\": \"%s\", \"user\": {\"email\": \"Ana.Lima@Example.com\", "
            + "\"firstName\": \"Ana\", \"lastName\": \"Lima\", \"emailVerified\": false}}";
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
        given().auth().oauth2(admin).delete("/api/admin/providers/login");
    }

    @Test
    void withoutAProviderNobodyIsKnown() {
        lookup("ana@example.com").statusCode(200).body("ok", equalTo(false)).body("email", nullValue());
        verify("ana@example.com", "secret").statusCode(200).body("ok", equalTo(false));

        configure(Map.of("mode", "BUILT_IN")).statusCode(200).body("defaultRole", equalTo("client"));
        lookup("ana@example.com").statusCode(200).body("ok", equalTo(false));
    }

    @Test
    void theServiceSaysWhoTheUserIsAndWhetherThePasswordIsRight() {
        configured(Map.of());
        provider.script(SECRET, ANA.formatted("found"), 0);

        lookup("  Ana@Example.com ").statusCode(200).body("ok", equalTo(true)).body("email", equalTo("Ana.Lima@Example.com"))
                .body("firstName", equalTo("Ana")).body("lastName", equalTo("Lima")).body("emailVerified", equalTo(false))
                .body("role", equalTo("client"));
        ExternalProviderStub.Received asked = provider.received().get(0);
        assertTrue(asked.signatureVerified(), "signed with the admin's secret");
        assertEquals("login/v1", asked.contract());
        assertTrue(asked.body().contains("\"action\":\"lookup\""), asked.body());
        assertTrue(asked.body().contains("\"username\":\"ana@example.com\""), asked.body());
        assertFalse(asked.body().contains("password"), "a lookup carries no password: " + asked.body());

        provider.script(SECRET, ANA.formatted("valid"), 0);
        verify("ana@example.com", "correct horse").statusCode(200).body("ok", equalTo(true)).body("role", equalTo("client"));
        asked = provider.received().get(0);
        assertTrue(asked.signatureVerified());
        assertTrue(asked.body().contains("\"action\":\"verify\""), asked.body());
        assertTrue(asked.body().contains("\"password\":\"correct horse\""), "the service checks the password");

        provider.script(SECRET, "{\"result\": \"invalid\"}", 0);
        verify("ana@example.com", "wrong").statusCode(200).body("ok", equalTo(false)).body("reason", nullValue());
        provider.script(SECRET, "{\"result\": \"unknown\"}", 0);
        lookup("bo@example.com").statusCode(200).body("ok", equalTo(false)).body("reason", nullValue());
    }

    @Test
    void theAdminChoosesTheRoleAndWhetherEmailsCountAsVerified() {
        configured(Map.of("defaultRole", "none", "markEmailVerified", true, "loginUrl", "https://sso.example.com/login"))
                .body("defaultRole", equalTo("none")).body("markEmailVerified", equalTo(true))
                .body("loginUrl", equalTo("https://sso.example.com/login"));
        given().auth().oauth2(admin).get("/api/admin/providers/login").then().statusCode(200)
                .body("defaultRole", equalTo("none")).body("loginUrl", equalTo("https://sso.example.com/login"))
                .body("secretSet", equalTo(true)).body("secret", nullValue());
        provider.script(SECRET, ANA.formatted("found"), 0);

        lookup("ana@example.com").statusCode(200).body("ok", equalTo(true)).body("role", nullValue())
                .body("emailVerified", equalTo(true));
    }

    /** The portal asks where its "log in" links go: the admin's login page while the provider is on, else nowhere. */
    @Test
    void thePortalLearnsTheCompanysLoginPage() {
        loginPage().statusCode(200).body("loginUrl", nullValue());
        configured(Map.of());
        loginPage().statusCode(200).body("loginUrl", nullValue());

        configured(Map.of("loginUrl", "https://sso.example.com/login?realm=staff"));
        loginPage().statusCode(200).body("loginUrl", equalTo("https://sso.example.com/login?realm=staff"));
        configured(Map.of("loginUrl", "https://sso.example.com/login", "enabled", false));
        loginPage().statusCode(200).body("loginUrl", nullValue());
        configure(Map.of("mode", "BUILT_IN")).statusCode(200);
        loginPage().statusCode(200).body("loginUrl", nullValue());

        given().get("/internal/login/page").then().statusCode(401);
    }

    private ValidatableResponse loginPage() {
        return given().header(InternalApiKeyFilter.HEADER, internalKey).get("/internal/login/page").then();
    }

    @Test
    void anUnusableServiceMeansAnUnknownUserNeverAnError() {
        configured(Map.of("timeoutMs", 300));
        provider.script(SECRET, "<html>oops</html>", 0);
        lookup("ana@example.com").statusCode(200).body("ok", equalTo(false)).body("reason", containsString("not a login answer"));

        provider.script(SECRET, "{\"result\": \"valid\", \"user\": {\"firstName\": \"Ana\"}}", 0);
        verify("ana@example.com", "pw").statusCode(200).body("ok", equalTo(false)).body("reason", containsString("email"));

        provider.script(SECRET, "{\"result\": \"yes please\"}", 0);
        verify("ana@example.com", "pw").statusCode(200).body("ok", equalTo(false)).body("reason", containsString("unknown result"));

        provider.script(SECRET, ANA.formatted("valid"), 1_500);
        long start = System.nanoTime();
        verify("ana@example.com", "pw").statusCode(200).body("ok", equalTo(false)).body("reason", containsString("300 ms"));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 1_200, "cut off at the provider's timeout");

        provider.script("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), ANA.formatted("valid"), 0);
        verify("ana@example.com", "pw").statusCode(200).body("ok", equalTo(false)).body("reason", containsString("HTTP 401"));
    }

    @Test
    void settingsAndCallersAreChecked() {
        configure(Map.of("mode", "EXTERNAL", "url", "http://169.254.169.254/login")).statusCode(400)
                .body("errors[0].field", equalTo("url"));
        configure(Map.of("mode", "EXTERNAL", "url", provider.url(), "defaultRole", "admin")).statusCode(400)
                .body("errors[0].field", equalTo("defaultRole"));
        configure(Map.of("mode", "EXTERNAL", "url", provider.url(), "loginUrl", "javascript:alert(1)")).statusCode(400)
                .body("errors[0].field", equalTo("loginUrl"));
        configure(Map.of("mode", "EXTERNAL", "url", provider.url(), "timeoutMs", 6000)).statusCode(400)
                .body("errors[0].field", equalTo("timeoutMs"));
        given().auth().oauth2(KeycloakTokens.accessToken("agent", "agent")).contentType(ContentType.JSON)
                .body(Map.of("mode", "BUILT_IN")).put("/api/admin/providers/login").then().statusCode(403);

        given().contentType(ContentType.JSON).body(Map.of("username", "ana@example.com")).post("/internal/login/lookup")
                .then().statusCode(401);
        given().header(InternalApiKeyFilter.HEADER, "wrong").contentType(ContentType.JSON)
                .body(Map.of("username", "ana@example.com", "password", "pw")).post("/internal/login/verify")
                .then().statusCode(401);
        lookup(" ").statusCode(400).body("errors[0].field", equalTo("username"));
        given().header(InternalApiKeyFilter.HEADER, internalKey).contentType(ContentType.JSON)
                .body(Map.of("username", "ana@example.com")).post("/internal/login/verify")
                .then().statusCode(400).body("errors[0].field", equalTo("password"));
    }

    private ValidatableResponse configured(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("mode", "EXTERNAL", "url", provider.url(), "secret", SECRET));
        body.putAll(extra);
        return configure(body).statusCode(200).body("kind", equalTo("login")).body("secretSet", equalTo(true));
    }

    private ValidatableResponse configure(Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .put("/api/admin/providers/login").then();
    }

    private ValidatableResponse lookup(String username) {
        return given().header(InternalApiKeyFilter.HEADER, internalKey).contentType(ContentType.JSON)
                .body(Map.of("username", username)).post("/internal/login/lookup").then();
    }

    private ValidatableResponse verify(String username, String password) {
        return given().header(InternalApiKeyFilter.HEADER, internalKey).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password)).post("/internal/login/verify").then();
    }
}
