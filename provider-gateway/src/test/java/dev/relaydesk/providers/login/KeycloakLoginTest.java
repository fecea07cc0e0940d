package dev.relaydesk.providers.login;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relaydesk.localstack.testing.SharedTestStack;
import dev.relaydesk.sampleprovider.SampleProvider;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The login provider used for a real Keycloak login: the test stack's Keycloak runs keycloak-login-provider (the
 * realm's "relaydesk-login" user federation), which asks this gateway, which asks the sample provider's demo
 * directory (signed; the sample refuses anything unsigned). A user who exists only there logs in with a password
 * grant and gets the client role and a verified email; a wrong password is refused; with the gateway unreachable,
 * Keycloak's own users still log in and the directory's user is refused cleanly. A user the directory stops knowing
 * cannot refresh its tokens any more (Keycloak asks again whenever it loads the user), until the directory knows it
 * again; an unreachable directory does not end sessions.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class KeycloakLoginTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("keycloak-login-test-secret-32byt".getBytes());
    /** Keycloak refuses a password grant with wrong credentials as a bad request (invalid_grant), never a 5xx. */
    private static final int REFUSED = 400;
    private static final String FEDERATION = "org.keycloak.storage.UserStorageProvider";
    private final String admin = KeycloakTokens.accessToken("admin", "admin");

    @ConfigProperty(name = "relaydesk.internal.api-key")
    String internalKey;

    @AfterEach
    void back() {
        federation("", "");
        given().auth().oauth2(admin).delete("/api/admin/providers/login");
        String master = masterToken();
        List<String> ids = given().auth().oauth2(master).queryParam("username", "dana@example.com").queryParam("exact", true)
                .get(keycloak() + "/admin/realms/relaydesk/users").then().statusCode(200).extract().jsonPath().getList("id");
        ids.forEach(id -> given().auth().oauth2(master).delete(keycloak() + "/admin/realms/relaydesk/users/" + id));
    }

    @Test
    void aUserOfTheCompanysDirectoryLogsInToKeycloak() throws Exception {
        try (SampleProvider directory = SampleProvider.start(0, SECRET, true)) {
            federation("http://127.0.0.1:" + RestAssured.port, internalKey);
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("mode", "EXTERNAL", "url", "http://127.0.0.1:" + directory.port() + "/login", "secret", SECRET,
                            "defaultRole", "client"))
                    .put("/api/admin/providers/login").then().statusCode(200);

            Map<String, Object> claims = claims(KeycloakTokens.accessToken("dana@example.com", "relaydesk-demo"));
            assertEquals("dana@example.com", claims.get("email"));
            assertEquals(Boolean.TRUE, claims.get("email_verified"));
            assertEquals("Dana Demo", claims.get("name"));
            @SuppressWarnings("unchecked")
            List<String> roles = (List<String>) ((Map<String, Object>) claims.get("realm_access")).get("roles");
            assertEquals(true, roles.contains("client"), roles.toString());

            // Imported once, linked to the federation; the password is checked by the directory at every login.
            String master = masterToken();
            JsonPath user = given().auth().oauth2(master).queryParam("username", "dana@example.com").queryParam("exact", true)
                    .get(keycloak() + "/admin/realms/relaydesk/users").then().statusCode(200).extract().jsonPath();
            assertEquals(federationId(), user.getString("[0].federationLink"));
            given().auth().oauth2(master).get(keycloak() + "/admin/realms/relaydesk/users/" + user.getString("[0].id")
                    + "/credentials").then().statusCode(200).body("type", not(hasItem("password")));
            KeycloakTokens.accessToken("dana@example.com", "relaydesk-demo");
            passwordGrant("dana@example.com", "wrong-password").then().statusCode(REFUSED).body("error", equalTo("invalid_grant"));
            passwordGrant("eve@example.com", "relaydesk-demo").then().statusCode(REFUSED).body("error", equalTo("invalid_grant"));

            // The gateway unreachable: Keycloak's own users are not affected, the directory's user is refused.
            federation("http://127.0.0.1:1", internalKey);
            KeycloakTokens.accessToken("agent", "agent");
            KeycloakTokens.accessToken("admin", "admin");
            passwordGrant("dana@example.com", "relaydesk-demo").then().statusCode(REFUSED).body("error", equalTo("invalid_grant"));
            passwordGrant("frank@example.com", "relaydesk-demo").then().statusCode(REFUSED).body("error", equalTo("invalid_grant"));
        }
    }

    @Test
    void aUserTheDirectoryNoLongerKnowsCannotRefreshItsSession() throws Exception {
        HttpServer forgetful = directoryAnswering("{\"result\":\"unknown\"}");
        try (SampleProvider directory = SampleProvider.start(0, SECRET, true)) {
            federation("http://127.0.0.1:" + RestAssured.port, internalKey);
            loginProvider("http://127.0.0.1:" + directory.port() + "/login");
            JsonPath first = passwordGrant("dana@example.com", "relaydesk-demo").then().statusCode(200).extract().jsonPath();
            Object account = claims(first.getString("access_token")).get("sub");
            JsonPath refreshed = refresh(first.getString("refresh_token")).then().statusCode(200).extract().jsonPath();

            // The directory disables Dana: it answers "unknown" from now on. Her session cannot be refreshed.
            loginProvider("http://127.0.0.1:" + forgetful.getAddress().getPort() + "/login");
            refresh(refreshed.getString("refresh_token")).then().statusCode(REFUSED).body("error", equalTo("invalid_grant"));
            passwordGrant("dana@example.com", "relaydesk-demo").then().statusCode(REFUSED).body("error", equalTo("invalid_grant"));
            KeycloakTokens.accessToken("agent", "agent");

            // Enabled again in the directory: the same Keycloak account (id, roles) logs in again.
            loginProvider("http://127.0.0.1:" + directory.port() + "/login");
            JsonPath again = passwordGrant("dana@example.com", "relaydesk-demo").then().statusCode(200).extract().jsonPath();
            Map<String, Object> claims = claims(again.getString("access_token"));
            assertEquals(account, claims.get("sub"));
            @SuppressWarnings("unchecked")
            List<String> roles = (List<String>) ((Map<String, Object>) claims.get("realm_access")).get("roles");
            assertEquals(true, roles.contains("client"), roles.toString());

            // The gateway unreachable: nobody says Dana is unknown, so her session goes on.
            federation("http://127.0.0.1:1", internalKey);
            refresh(again.getString("refresh_token")).then().statusCode(200);
        } finally {
            forgetful.stop(0);
        }
    }

    private void loginProvider(String url) {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("mode", "EXTERNAL", "url", url, "secret", SECRET, "defaultRole", "client"))
                .put("/api/admin/providers/login").then().statusCode(200);
    }

    /** A directory that answers every login request the same (it need not check the signature for that). */
    private static HttpServer directoryAnswering(String answer) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/login", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static Response refresh(String refreshToken) {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("grant_type", "refresh_token").formParam("client_id", KeycloakTokens.CLIENT_ID)
                .formParam("refresh_token", refreshToken)
                .post(SharedTestStack.endpoints().tokenUrl());
    }

    private static Response passwordGrant(String username, String password) {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("grant_type", "password").formParam("client_id", KeycloakTokens.CLIENT_ID)
                .formParam("username", username).formParam("password", password)
                .post(SharedTestStack.endpoints().tokenUrl());
    }

    /** Points the realm's relaydesk-login federation at a gateway (empty: the server's defaults). */
    private static void federation(String gatewayUrl, String key) {
        String master = masterToken();
        String id = federationId();
        Map<String, Object> component = given().auth().oauth2(master).get(keycloak() + "/admin/realms/relaydesk/components/" + id)
                .then().statusCode(200).extract().jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) component.get("config");
        config.put("gatewayUrl", List.of(gatewayUrl));
        config.put("internalKey", List.of(key));
        given().auth().oauth2(master).contentType(ContentType.JSON).body(component)
                .put(keycloak() + "/admin/realms/relaydesk/components/" + id).then().statusCode(204);
    }

    private static String federationId() {
        List<String> ids = given().auth().oauth2(masterToken()).queryParam("type", FEDERATION)
                .queryParam("name", "relaydesk-login")
                .get(keycloak() + "/admin/realms/relaydesk/components").then().statusCode(200).extract().jsonPath().getList("id");
        assertEquals(1, ids.size(), "the realm has the relaydesk-login user federation");
        return ids.get(0);
    }

    private static String masterToken() {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(keycloak() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String keycloak() {
        return SharedTestStack.endpoints().keycloakUrl();
    }

    private static Map<String, Object> claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return new JsonPath(payload).getMap("");
    }
}
