package dev.relaydesk.identity.me;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The realm in the repo, served by a real Keycloak, says who is who. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class MeResourceTest {

    @Test
    void theDemoAgentIsAnAgentButNotAnAdmin() {
        given().auth().oauth2(KeycloakTokens.accessToken("agent", "agent"))
                .get("/api/me").then().statusCode(200)
                .body("username", equalTo("agent"))
                .body("email", equalTo("agent@relaydesk.test"))
                .body("roles", hasItem("agent"))
                .body("roles", not(hasItem("admin")));
    }

    @Test
    void theDemoAdminIsAdminAndAgent() {
        given().auth().oauth2(KeycloakTokens.accessToken("admin", "admin"))
                .get("/api/me").then().statusCode(200)
                .body("roles", hasItems("admin", "agent"));
    }

    @Test
    void anonymousCallersAreRefused() {
        given().get("/api/me").then().statusCode(401);
    }
}
