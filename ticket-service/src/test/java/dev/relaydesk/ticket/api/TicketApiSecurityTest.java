package dev.relaydesk.ticket.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Real Keycloak tokens against the ticket API. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class TicketApiSecurityTest {

    @Test
    void withoutATokenTheApiRefuses() {
        given().get("/api/tickets").then().statusCode(401);
    }

    @Test
    void anAgentTokenOpensTheApi() {
        given().auth().oauth2(KeycloakTokens.accessToken("agent", "agent"))
                .get("/api/tickets").then().statusCode(200);
    }

    @Test
    void aForgedTokenIsRefused() {
        String token = KeycloakTokens.accessToken("agent", "agent");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).get("/api/tickets").then().statusCode(401);
    }

    @Test
    void aTokenTellsWhoItBelongsTo() {
        given().auth().oauth2(KeycloakTokens.accessToken("agent", "agent"))
                .get("/api/me").then().statusCode(200)
                .body("username", equalTo("agent"))
                .body("roles", hasItem("agent"))
                .body("roles", not(hasItem("admin")));
        given().get("/api/me").then().statusCode(401);
    }

    @Test
    void anUnknownTicketIsAProblemDocument() {
        given().auth().oauth2(KeycloakTokens.accessToken("agent", "agent"))
                .get("/api/tickets/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void aMalformedLimitIsABadRequestProblem() {
        given().auth().oauth2(KeycloakTokens.accessToken("agent", "agent"))
                .queryParam("limit", 5000)
                .get("/api/tickets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
    }
}
