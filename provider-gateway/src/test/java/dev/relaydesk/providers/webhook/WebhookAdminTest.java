package dev.relaydesk.providers.webhook;

import static dev.relaydesk.providers.webhook.AdminApi.adminToken;
import static dev.relaydesk.providers.webhook.AdminApi.create;
import static dev.relaydesk.providers.webhook.AdminApi.createId;
import static dev.relaydesk.providers.webhook.AdminApi.webhook;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin side of webhooks: who may, which URLs, and a secret that never comes back out. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class WebhookAdminTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String RECEIVER = "http://127.0.0.1:9/hook"; // allow-listed in the test profile

    @Test
    void internalAddressesAreRefusedUnlessAllowListed() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/",
                "http://localhost:8086/", "http://192.168.0.10/hook", "http://[::1]/")) {
            create(webhook(url, null, List.of("TicketCreated"), null))
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", is("url"))
                    .body("detail", containsString("internal address"));
        }
        create(webhook("ftp://example.com/", null, List.of("TicketCreated"), null))
                .statusCode(400).body("errors[0].field", is("url"));
        create(webhook(RECEIVER, null, List.of("TicketCreated"), null)).statusCode(201);
    }

    @Test
    void theSecretIsWriteOnly() {
        String id = createId(webhook(RECEIVER, SECRET, List.of("TicketCreated"), null));
        String created = given().auth().oauth2(adminToken()).when().get("/api/admin/webhooks/" + id)
                .then().statusCode(200).body("url", is(RECEIVER)).extract().asString();
        String listed = given().auth().oauth2(adminToken()).when().get("/api/admin/webhooks")
                .then().statusCode(200).extract().asString();
        String updated = given().auth().oauth2(adminToken()).contentType("application/json")
                .body(webhook(RECEIVER, null, List.of("TicketCreated", "NoteAdded"), "SUP"))
                .when().put("/api/admin/webhooks/" + id)
                .then().statusCode(200).body("eventTypes", is(List.of("NoteAdded", "TicketCreated")))
                .body("projectKey", is("SUP")).extract().asString();
        for (String answer : List.of(created, listed, updated)) {
            assertFalse(answer.contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), answer);
            assertFalse(answer.contains("whsec_"), answer);
        }

        create(webhook(RECEIVER, SECRET, List.of("TicketCreated"), null))
                .statusCode(201).body("generatedSecret", nullValue()).body(not(containsString("whsec_")));
        String generatedId = create(webhook(RECEIVER, null, List.of("TicketCreated"), null))
                .statusCode(201).body("generatedSecret", startsWith("whsec_")).extract().path("id");
        given().auth().oauth2(adminToken()).when().get("/api/admin/webhooks/" + generatedId)
                .then().statusCode(200).body(not(containsString("whsec_")));
    }

    @Test
    void unknownEventTypesAndUnusableSecretsAreRefusedWithoutEchoingTheSecret() {
        create(webhook(RECEIVER, null, List.of("TicketExploded"), null))
                .statusCode(400).body("errors[0].field", is("eventTypes"));
        create(webhook(RECEIVER, null, List.of(), null))
                .statusCode(400).body("errors[0].field", is("eventTypes"));
        create(webhook(RECEIVER, "hunter2-my-password", List.of("TicketCreated"), null))
                .statusCode(400).body("errors[0].field", is("secret"))
                .body(not(containsString("hunter2")));
    }

    @Test
    void onlyAdminsManageWebhooks() {
        given().when().get("/api/admin/webhooks").then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.accessToken("agent", "agent"))
                .when().get("/api/admin/webhooks").then().statusCode(403);
        given().auth().oauth2(adminToken()).when().get("/api/admin/webhooks/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
