package dev.relaydesk.ticket.appointment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.relaydesk.events.AppointmentChanged;
import dev.relaydesk.events.AppointmentChanged.Change;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.ticket.TestTickets;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Calls clients book on the portal reach the ticket's agents as private notes and history lines, once per event. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class AppointmentNotesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private final String agentToken = KeycloakTokens.accessToken("agent", "agent");
    private final String adminToken = KeycloakTokens.accessToken("admin", "admin");

    @Test
    void aBookedAndMovedCallShowsToAgentsInTheProjectsZoneOnce() {
        String client = TestTickets.uniqueClient("caller");
        String ticketId = TestTickets.openByMail(kafka, adminToken, client, "Please call me about the VPN");
        // an agent answered: the ticket is read, so the booking is what makes it unread again
        given().auth().oauth2(agentToken).contentType("application/json")
                .body("{\"body\": \"We will call you.\", \"publicNote\": false}")
                .post("/api/tickets/{id}/notes", ticketId).then().statusCode(201);
        given().auth().oauth2(agentToken).get("/api/tickets/{id}", ticketId).then().body("ticket.unread", equalTo(false));
        AppointmentChanged golden = EventFixtures.event(EventType.APPOINTMENT_CHANGED);
        AppointmentChanged booked = new AppointmentChanged(UUID.randomUUID(), UUID.fromString(ticketId), "SUP-1",
                golden.projectKey(), golden.title(), client, "Jane Doe", Change.BOOKED,
                Instant.parse("2026-12-08T13:30:00Z"), Instant.parse("2026-12-08T14:00:00Z"), "America/New_York", null,
                Instant.now());
        String eventId = UUID.randomUUID().toString();
        KafkaEvents.publish(kafka, booked, eventId);
        KafkaEvents.publish(kafka, booked, eventId);

        String text = "The client booked a call: Tuesday 8 December 2026, 08:30–09:00 (America/New_York).";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(agentToken)
                .get("/api/tickets/{id}", ticketId).then().statusCode(200)
                .body("notes.findAll { it.authorType == 'SYSTEM' }", hasSize(1))
                .body("notes.find { it.authorType == 'SYSTEM' }.body", equalTo(text))
                .body("notes.find { it.authorType == 'SYSTEM' }.publicNote", equalTo(false))
                .body("history.action", hasItem("call booked"))
                .body("history.find { it.action == 'call booked' }.actor", equalTo(client))
                .body("ticket.unread", equalTo(true)));
        KafkaEvents.awaitConsumed(kafka, "ticket-service", EventType.APPOINTMENT_CHANGED.topic());
        given().auth().oauth2(agentToken).get("/api/tickets/{id}", ticketId).then()
                .body("notes.findAll { it.authorType == 'SYSTEM' }", hasSize(1));

        AppointmentChanged moved = new AppointmentChanged(UUID.randomUUID(), booked.ticketId(), "SUP-1",
                golden.projectKey(), golden.title(), client, "Jane Doe", Change.MOVED,
                Instant.parse("2026-12-09T20:00:00Z"), Instant.parse("2026-12-09T20:30:00Z"), "America/New_York",
                booked.startsAt(), Instant.now());
        KafkaEvents.publish(kafka, moved, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(agentToken)
                .get("/api/tickets/{id}", ticketId).then().statusCode(200)
                .body("notes.findAll { it.authorType == 'SYSTEM' }", hasSize(2))
                .body("notes.findAll { it.authorType == 'SYSTEM' }.body", hasItem("The client moved their call to"
                        + " Wednesday 9 December 2026, 15:00–15:30 (America/New_York) (it was Tuesday 8 December 2026,"
                        + " 08:30).")));
    }
}
