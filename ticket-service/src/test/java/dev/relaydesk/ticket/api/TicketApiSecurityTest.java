package dev.relaydesk.ticket.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.ticket.access.VerifiedTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Real Keycloak tokens against the ticket API. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class TicketApiSecurityTest {

    @Inject
    VerifiedTokens verifiedTokens;

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
    void aVerifiedTokenIsRememberedAndAForgedCopyStillRefused() {
        String token = KeycloakTokens.accessToken("agent", "agent");
        given().auth().oauth2(token).get("/api/me").then().statusCode(200);
        assertNotNull(verifiedTokens.identityFor("Default", token), "OIDC's identity for the token is remembered");
        long hits = verifiedTokens.hits();
        given().auth().oauth2(token).get("/api/me").then().statusCode(200).body("username", equalTo("agent"));
        given().auth().oauth2(token).get("/api/tickets").then().statusCode(200);
        assertEquals(hits + 2, verifiedTokens.hits(), "the next requests with the token are answered from the cache");

        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).get("/api/me").then().statusCode(401);
        String otherClaims = token.substring(0, token.indexOf('.') + 1) + "eyJzdWIiOiJhZG1pbiJ9"
                + token.substring(token.lastIndexOf('.'));
        given().auth().oauth2(otherClaims).get("/api/me").then().statusCode(401);
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
