package dev.relaydesk.portal.registration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.ClientRegistered;
import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.portal.testing.IdentityServiceProcess;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A client with two tickets is offered an account on a link page and registers with one form; the account is
 * created in the real test Keycloak by the real identity-service.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
@WithTestResource(IdentityServiceProcess.class)
class RegistrationOfferTest {

    private static final String OFFER = "Create my account";
    private static final String PASSWORD = "purple tulip orbit";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void theOfferAppearsWithTheSecondTicketAndRegisteringCreatesAClientAccount() {
        String email = uniqueEmail();
        TicketCreated first = ticket("First of two", email);
        KafkaEvents.publish(kafka, first, UUID.randomUUID().toString());
        String link = pathOf(mint(first));
        String alone = await().atMost(Duration.ofSeconds(30)).until(() -> given().get(link).then().extract().asString(),
                html -> html.contains("First of two"));
        assertFalse(alone.contains(OFFER), "one ticket: no offer");

        TicketCreated second = ticket("Second of two", email.toUpperCase());
        KafkaEvents.publish(kafka, second, UUID.randomUUID().toString());
        String page = await().atMost(Duration.ofSeconds(30)).until(() -> given().get(link).then().extract().asString(),
                html -> html.contains(OFFER));
        assertTrue(page.contains("value=\"Jane\"") && page.contains("value=\"Doe\""), "the name is suggested");

        Response registered = register(link, hidden(page, "csrf"), "Jane", "Doe", PASSWORD, PASSWORD);
        assertEquals(303, registered.statusCode());
        assertTrue(registered.header("Location").endsWith(link + "?sent=registered"));
        given().get(link + "?sent=registered").then().statusCode(200)
                .body(containsString("Your account is ready"))
                .body(containsString("href=\"/login?then=/my/tickets\""))
                .body(not(containsString(OFFER)));
        given().get(pathOf(mint(second))).then().statusCode(200).body(not(containsString(OFFER)));

        String token = KeycloakTokens.accessToken(email, PASSWORD);
        String roles = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertTrue(roles.contains("\"client\""), "the account has the role client");

        ConsumerRecord<String, String> event = KafkaEvents.awaitRecord(kafka, EventType.CLIENT_REGISTERED.topic(),
                r -> r.key().equals(email));
        ClientRegistered announced = EventJson.read(event.value(), ClientRegistered.class);
        assertEquals("Jane Doe", announced.name());
        assertFalse(event.value().contains(PASSWORD), "no password in the event");
    }

    @Test
    void mistakesComeBackInlineWithTheNamesKeptAndTheOldLinkKeepsWorking() {
        String email = uniqueEmail();
        TicketCreated first = ticket("Mistakes one", email);
        TicketCreated second = ticket("Mistakes two", email);
        KafkaEvents.publish(kafka, first, UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, second, UUID.randomUUID().toString());
        String link = pathOf(mint(first));
        String page = await().atMost(Duration.ofSeconds(30)).until(() -> given().get(link).then().extract().asString(),
                html -> html.contains(OFFER));
        String csrf = hidden(page, "csrf");

        register(link, csrf, "Jane", "Doe", PASSWORD, PASSWORD + "x").then().statusCode(400)
                .body(containsString("The two passwords are not the same"))
                .body(containsString("value=\"Jane\""))
                .body(not(containsString(PASSWORD)));
        register(link, csrf, "Jane", "Doe", "aaaaaaaaaaaa", "aaaaaaaaaaaa").then().statusCode(400)
                .body(containsString("more different characters")); // identity-service's rule, shown as it says it
        register(link, csrf, "<b>Jane</b>", "", PASSWORD, PASSWORD).then().statusCode(400)
                .body(containsString("Enter your last name"))
                .body(containsString("value=\"&lt;b&gt;Jane&lt;/b&gt;\""));
        register(link, "forged", "Jane", "Doe", PASSWORD, PASSWORD).then().statusCode(403);

        given().get(link).then().statusCode(200).body(containsString("Mistakes one")).body(containsString(OFFER));
        assertEquals(303, register(link, csrf, "Jane", "Doe", PASSWORD, PASSWORD).statusCode());
        given().get(link).then().statusCode(200).body(containsString("Mistakes one")).body(not(containsString(OFFER)));
    }

    @Test
    void anAccountThatExistsAlreadyInKeycloakIsRememberedWithoutASecondOne() {
        String email = uniqueEmail();
        TicketCreated first = ticket("Known one", email);
        TicketCreated second = ticket("Known two", email);
        KafkaEvents.publish(kafka, first, UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, second, UUID.randomUUID().toString());
        String link = pathOf(mint(first));
        String page = await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get(link).then().extract().asString(), html -> html.contains(OFFER));
        // the account came about another way (an earlier attempt whose answer was lost, an admin)
        given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY).contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"firstName\":\"Kim\",\"lastName\":\"Before\",\"password\":\""
                        + PASSWORD + "\"}")
                .post(IdentityServiceProcess.baseUrl + "/internal/clients").then().statusCode(201);

        Response answer = register(link, hidden(page, "csrf"), "Kim", "Again", "other long pass", "other long pass");
        assertEquals(303, answer.statusCode());
        assertTrue(answer.header("Location").endsWith("?sent=registered-before"));
        given().get(link).then().statusCode(200).body(not(containsString(OFFER)))
                .body(containsString("Log in to see all your tickets"));
        KeycloakTokens.accessToken(email, PASSWORD); // the first password stands
    }

    private static Response register(String link, String csrf, String first, String last, String password,
            String again) {
        return given().redirects().follow(false).formParam("firstName", first).formParam("lastName", last)
                .formParam("password", password).formParam("passwordAgain", again).formParam("csrf", csrf)
                .post(link + "/register");
    }

    private static String mint(TicketCreated ticket) {
        return given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY)
                .contentType(ContentType.JSON).body("{\"clientEmail\":\"" + ticket.clientEmail() + "\"}")
                .post("/internal/tickets/{id}/links", ticket.ticketId())
                .then().statusCode(201).extract().path("url");
    }

    private static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no hidden field " + name);
        }
        return matcher.group(1);
    }

    private static String pathOf(String url) {
        return url.substring(url.indexOf("/t/"));
    }

    private static String uniqueEmail() {
        return "reg-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** The producer's golden fixture (client Jane Doe), made unique for this test and owned by the given email. */
    static TicketCreated ticket(String title, String email) {
        TicketCreated golden = EventFixtures.event(EventType.TICKET_CREATED);
        UUID id = UUID.randomUUID();
        return new TicketCreated(id, 0, "SUP-" + Math.abs(id.hashCode() % 100000), golden.projectKey(),
                golden.projectName(), golden.projectAddress(), title, "Details of " + title, email,
                golden.clientName(), golden.status(), golden.stage(), golden.source(), golden.threadMessageId(),
                golden.createdAt(), golden.type(), golden.priority(), golden.clientOrganization());
    }
}
