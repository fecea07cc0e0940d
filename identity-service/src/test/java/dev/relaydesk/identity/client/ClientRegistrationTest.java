package dev.relaydesk.identity.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** portal-service registers clients; the accounts land in the real test Keycloak and can log in as clients. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class ClientRegistrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void aRegisteredClientLogsInWithTheRoleClientAndAVerifiedEmail() {
        String email = uniqueEmail();

        internal().body(registration(email.toUpperCase(), "Robin", "Client", PASSWORD))
                .post("/internal/clients").then().statusCode(201)
                .body("id", notNullValue())
                .body("email", equalTo(email));

        given().auth().oauth2(KeycloakTokens.accessToken(email, PASSWORD)).get("/api/me").then().statusCode(200)
                .body("username", equalTo(email))
                .body("email", equalTo(email))
                .body("name", equalTo("Robin Client"))
                .body("roles", hasItem("client"))
                .body("roles", not(hasItem("agent")));
    }

    @Test
    void anEmailRegisteredTwiceIsAConflict() {
        String email = uniqueEmail();
        internal().body(registration(email, "Kim", "First", PASSWORD)).post("/internal/clients").then().statusCode(201);

        internal().body(registration(email, "Kim", "Second", "another long password"))
                .post("/internal/clients").then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("An account with this email address exists already."));
        // the first password still works: the second attempt changed nothing
        KeycloakTokens.accessToken(email, PASSWORD);
    }

    @Test
    void weakOrMissingInputIsRefusedNamingTheField() {
        String email = uniqueEmail();
        internal().body(registration(email, "Sam", "Short", "short1")).post("/internal/clients").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("password"));
        String local = email.substring(0, email.indexOf('@'));
        internal().body(registration(email, "Sam", "Own", "x" + local + "123")).post("/internal/clients").then()
                .statusCode(400).body("errors[0].field", equalTo("password"));
        internal().body(registration("not-an-email", "Sam", "Mail", PASSWORD)).post("/internal/clients").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("email"));
        internal().body(registration(email, " ", "Blank", PASSWORD)).post("/internal/clients").then()
                .statusCode(400).body("errors[0].field", equalTo("firstName"));
        internal().body("{\"email\":\"" + email + "\"}").post("/internal/clients").then()
                .statusCode(400).contentType("application/problem+json");

        // nothing was created along the way: the address is still free
        internal().body(registration(email, "Sam", "Valid", PASSWORD)).post("/internal/clients").then().statusCode(201);
    }

    @Test
    void onlyHoldersOfTheInternalKeyRegister() {
        String body = registration(uniqueEmail(), "Eve", "Outsider", PASSWORD);
        given().contentType(ContentType.JSON).body(body).post("/internal/clients").then().statusCode(401);
        given().header("X-Relaydesk-Internal-Key", "guess").contentType(ContentType.JSON).body(body)
                .post("/internal/clients").then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.accessToken("admin", "admin")).contentType(ContentType.JSON).body(body)
                .post("/internal/clients").then().statusCode(401);
    }

    private static RequestSpecification internal() {
        return given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY)
                .contentType(ContentType.JSON);
    }

    private static String registration(String email, String firstName, String lastName, String password) {
        return "{\"email\":\"" + email + "\",\"firstName\":\"" + firstName + "\",\"lastName\":\"" + lastName
                + "\",\"password\":\"" + password + "\"}";
    }

    private static String uniqueEmail() {
        return "client-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
