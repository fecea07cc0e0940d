package dev.relaydesk.providers.webhook;

import static io.restassured.RestAssured.given;

import dev.relaydesk.testsupport.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The admin API as an admin calls it, with a real Keycloak token. */
final class AdminApi {

    private static String token;

    private AdminApi() {
    }

    static synchronized String adminToken() {
        if (token == null) {
            token = KeycloakTokens.accessToken("admin", "admin");
        }
        return token;
    }

    static Map<String, Object> webhook(String url, String secret, List<String> eventTypes, String projectKey) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        if (secret != null) {
            body.put("secret", secret);
        }
        body.put("eventTypes", eventTypes);
        if (projectKey != null) {
            body.put("projectKey", projectKey);
        }
        return body;
    }

    static ValidatableResponse create(Map<String, Object> body) {
        return given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(body)
                .when().post("/api/admin/webhooks").then();
    }

    static String createId(Map<String, Object> body) {
        return create(body).statusCode(201).extract().path("id");
    }

    static List<Map<String, Object>> deliveries(String webhookId) {
        return given().auth().oauth2(adminToken()).when().get("/api/admin/webhooks/" + webhookId + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }
}
