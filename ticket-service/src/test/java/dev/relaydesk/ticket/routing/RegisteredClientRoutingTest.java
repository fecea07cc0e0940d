package dev.relaydesk.ticket.routing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relaydesk.events.ClientRegistered;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.MailReceived;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.ticket.TestTickets;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A registered client's new mail opens its ticket in the project the admin set for registered clients. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class RegisteredClientRoutingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private final String agent = KeycloakTokens.accessToken("agent", "agent");
    private String vip;
    private String billing;

    @BeforeEach
    void twoProjects() {
        vip = createProject("V");
        billing = createProject("B");
    }

    @AfterEach
    void routeRegisteredClientsLikeAnyone() {
        setRouting(null).then().statusCode(200);
    }

    @Test
    void aRegisteredClientsMailToTheSupportAddressOpensItsTicketInTheirProject() {
        String registered = TestTickets.uniqueClient("registered");
        String stranger = TestTickets.uniqueClient("stranger");
        setRouting(vip).then().statusCode(200).body("registeredClientsProject", equalTo(vip));
        register(registered);

        send(TestTickets.mail(registered, UUID.randomUUID() + "@example.com", List.of(), "My licence expired"));
        send(TestTickets.mail(stranger, UUID.randomUUID() + "@example.com", List.of(), "How much is a licence?"));

        JsonPath mine = awaitTicketOf(registered);
        assertEquals(vip, mine.getString("projectKey"));
        assertEquals(vip + "-1", mine.getString("number"));
        assertEquals("SUP", awaitTicketOf(stranger).getString("projectKey"));
    }

    @Test
    void mailToAnotherProjectsOwnAddressStillGoesThere() {
        String registered = TestTickets.uniqueClient("invoice");
        setRouting(vip).then().statusCode(200);
        register(registered);

        MailReceived toBilling = TestTickets.mail(registered, UUID.randomUUID() + "@example.com", List.of(), "Invoice 42");
        send(new MailReceived(toBilling.mailId(), toBilling.messageId(), toBilling.inReplyTo(), toBilling.references(),
                toBilling.fromAddress(), toBilling.fromName(), List.of(billing.toLowerCase() + "@relaydesk.test"),
                toBilling.subject(), toBilling.textBody(), toBilling.receivedAt()));

        assertEquals(billing, awaitTicketOf(registered).getString("projectKey"));
    }

    @Test
    void withoutARoutingSettingRegisteredClientsMailGoesToTheDefaultProject() {
        String registered = TestTickets.uniqueClient("plain");
        register(registered);
        given().auth().oauth2(admin).get("/api/admin/mail-routing")
                .then().statusCode(200).body("registeredClientsProject", nullValue());

        send(TestTickets.mail(registered, UUID.randomUUID() + "@example.com", List.of(), "Password reset"));

        assertEquals("SUP", awaitTicketOf(registered).getString("projectKey"));
    }

    @Test
    void anUnknownProjectIsRefusedAndOnlyAdminsMayChangeTheRouting() {
        setRouting("NOSUCH").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("registeredClientsProject"))
                .body("errors[0].message", containsString("NOSUCH"));
        given().auth().oauth2(agent).contentType(ContentType.JSON).body(Map.of("registeredClientsProject", vip))
                .put("/api/admin/mail-routing").then().statusCode(403);
        given().auth().oauth2(admin).get("/api/admin/mail-routing")
                .then().statusCode(200).body("registeredClientsProject", nullValue());
    }

    /** Published twice under two event ids: the client is known once, and routing works the same. */
    private void register(String address) {
        ClientRegistered registered = new ClientRegistered(address, "Registered Client", Instant.now());
        KafkaEvents.publish(kafka, registered, UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, registered, UUID.randomUUID().toString());
        KafkaEvents.awaitConsumed(kafka, "ticket-service", EventType.CLIENT_REGISTERED.topic());
    }

    private void send(MailReceived mail) {
        KafkaEvents.publish(kafka, mail, UUID.randomUUID().toString());
    }

    private JsonPath awaitTicketOf(String client) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> given().auth().oauth2(admin).queryParam("clientEmail", client).get("/api/tickets")
                        .then().statusCode(200).extract().jsonPath(),
                tickets -> tickets.getList("$").size() == 1).setRootPath("[0]");
    }

    private io.restassured.response.Response setRouting(String projectKey) {
        Map<String, Object> body = new HashMap<>();
        body.put("registeredClientsProject", projectKey);
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).put("/api/admin/mail-routing");
    }

    private String createProject(String prefix) {
        String key = prefix + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", key, "name", "Project " + key, "inboundAddress", key.toLowerCase() + "@relaydesk.test"))
                .post("/api/admin/projects").then().statusCode(201);
        return key;
    }
}
