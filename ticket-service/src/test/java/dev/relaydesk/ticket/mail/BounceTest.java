package dev.relaydesk.ticket.mail;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.relaydesk.events.EventType;
import dev.relaydesk.events.MailBounced;
import dev.relaydesk.events.MailReceived;
import dev.relaydesk.events.NotificationSent;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.ticket.TestTickets;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A bounce of our mail tells the ticket's agents and marks the client's address, until the client writes again. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class BounceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private final String agentToken = KeycloakTokens.accessToken("agent", "agent");

    @Test
    void aBounceOfOurMailBecomesAPrivateNoteForAgentsOnceAndMarksTheAddress() {
        String client = TestTickets.uniqueClient("bounced");
        String ticketId = openTicket(client, "Where is my invoice?");
        String ours = notified(ticketId, client);
        markRead(ticketId);

        MailBounced bounce = new MailBounced(UUID.randomUUID(), client, "5.1.1",
                "smtp; 550 5.1.1 <" + client + ">: User unknown", ours, Instant.now());
        String eventId = UUID.randomUUID().toString();
        KafkaEvents.publish(kafka, bounce, eventId);
        KafkaEvents.publish(kafka, bounce, eventId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(agentToken)
                .get("/api/tickets/{id}", ticketId).then().statusCode(200)
                .body("notes", hasSize(2))
                .body("notes.find { it.authorType == 'SYSTEM' }.publicNote", equalTo(false))
                .body("notes.find { it.authorType == 'SYSTEM' }.body", containsString("could not be delivered (status 5.1.1)"))
                .body("notes.find { it.authorType == 'SYSTEM' }.body", containsString("User unknown"))
                .body("ticket.unread", equalTo(true))
                .body("clientAddressFailing.address", equalTo(client))
                .body("clientAddressFailing.status", equalTo("5.1.1")));
        KafkaEvents.awaitConsumed(kafka, "ticket-service", EventType.MAIL_BOUNCED.topic());
        given().auth().oauth2(agentToken).get("/api/tickets/{id}", ticketId).then().body("notes", hasSize(2));
    }

    @Test
    void aBounceWithoutOurMailOnlyMarksTheAddressAndTheClientWritingAgainClearsIt() {
        String client = TestTickets.uniqueClient("mailbox-full");
        String ticketId = openTicket(client, "Printer offline");

        KafkaEvents.publish(kafka, new MailBounced(UUID.randomUUID(), client, "5.2.2", null, null, Instant.now()),
                UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(agentToken)
                .get("/api/tickets/{id}", ticketId).then().statusCode(200)
                .body("clientAddressFailing.status", equalTo("5.2.2"))
                .body("notes", hasSize(0)));

        KafkaEvents.publish(kafka, TestTickets.mail(client, UUID.randomUUID() + "@example.com", List.of(),
                "Another problem"), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(agentToken)
                .get("/api/tickets/{id}", ticketId).then().statusCode(200)
                .body("clientAddressFailing", nullValue()));
    }

    private String openTicket(String client, String subject) {
        MailReceived mail = TestTickets.mail(client, UUID.randomUUID() + "@example.com", List.of(), subject);
        KafkaEvents.publish(kafka, mail, UUID.randomUUID().toString());
        return await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(agentToken)
                        .queryParam("clientEmail", client).get("/api/tickets").then().statusCode(200)
                        .extract().jsonPath().getList("id", String.class), ids -> ids.size() == 1).get(0);
    }

    /** notification-service mailed the client about the ticket (its Message-ID is now known to belong to it). */
    private String notified(String ticketId, String client) {
        NotificationSent golden = EventFixtures.event(EventType.NOTIFICATION_SENT);
        UUID deliveryId = UUID.randomUUID();
        NotificationSent sent = new NotificationSent(UUID.fromString(ticketId), 1, deliveryId,
                deliveryId + "@relaydesk.test", golden.kind(), List.of(client), null, golden.sentAt());
        KafkaEvents.publish(kafka, sent, UUID.randomUUID().toString());
        KafkaEvents.awaitConsumed(kafka, "ticket-service", EventType.NOTIFICATION_SENT.topic());
        return sent.messageId();
    }

    /** An agent answered: the ticket is no longer unread, so the bounce is what makes it unread again. */
    private void markRead(String ticketId) {
        given().auth().oauth2(agentToken).contentType("application/json")
                .body("{\"body\": \"We are looking into it.\", \"publicNote\": false}")
                .post("/api/tickets/{id}/notes", ticketId).then().statusCode(201);
    }
}
