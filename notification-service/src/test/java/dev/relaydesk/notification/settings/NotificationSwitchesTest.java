package dev.relaydesk.notification.settings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relaydesk.events.EventType;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketReopened;
import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.Mailboxes;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Each project switches its default notifications; whoever acted is never told of their own action. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class NotificationSwitchesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void everyNotificationIsOnUntilAnAdminSwitchesItOff() {
        String project = uniqueProject();
        given().auth().oauth2(admin()).get("/api/admin/notification-settings/" + project)
                .then().statusCode(200).body("language", equalTo("en")).body("clientOnCreated", equalTo(true))
                .body("clientOnPublicNote", equalTo(true)).body("clientOnClosed", equalTo(true))
                .body("clientOnReopened", equalTo(true)).body("agentsOnClientNote", equalTo(true))
                .body("agentsOnNewTicket", equalTo(true));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("language", "fr"))
                .put("/api/admin/notification-settings/" + project)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("language"));
        given().auth().oauth2(KeycloakTokens.accessToken("agent", "agent"))
                .get("/api/admin/notification-settings/" + project).then().statusCode(403);
    }

    @Test
    void aSwitchedOffNotificationIsNotSentWhileTheOthersStillAre() throws Exception {
        String project = uniqueProject();
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("clientOnPublicNote", false))
                .put("/api/admin/notification-settings/" + project)
                .then().statusCode(200).body("clientOnPublicNote", equalTo(false)).body("clientOnClosed", equalTo(true));
        String client = uniqueClient();
        TicketSnapshot ticket = ticket(project, client);

        KafkaEvents.publish(kafka, agentNote(ticket, "switched off"), UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, new TicketClosed(ticket, 5, NoteAuthor.AGENT, "alex", Instant.now()),
                UUID.randomUUID().toString());

        Mailboxes.awaitMessage(client, Mailboxes.subjectContains("Closed:"));
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.NOTE_ADDED.topic());
        assertEquals(1, Mailboxes.messages(client).size(), "only the closing notice");
    }

    @Test
    void theClientIsNotToldOfTheirOwnClosingOrReopeningButOfAnAgents() throws Exception {
        String client = uniqueClient();
        TicketSnapshot ticket = ticket(uniqueProject(), client);

        KafkaEvents.publish(kafka, new TicketClosed(ticket, 5, NoteAuthor.CLIENT, client, Instant.now()),
                UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, new TicketReopened(ticket, 6, NoteAuthor.CLIENT, client, Instant.now()),
                UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, new TicketClosed(ticket, 7, NoteAuthor.AGENT, "alex", Instant.now()),
                UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, new TicketReopened(ticket, 8, NoteAuthor.AGENT, "alex", Instant.now()),
                UUID.randomUUID().toString());

        Mailboxes.awaitMessage(client, Mailboxes.subjectContains("Reopened:"));
        Mailboxes.awaitMessage(client, Mailboxes.subjectContains("Closed:"));
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.TICKET_CLOSED.topic());
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.TICKET_REOPENED.topic());
        assertEquals(2, Mailboxes.messages(client).size(), "one closing and one reopening notice, both the agent's");
    }

    private static TicketSnapshot ticket(String project, String client) {
        TicketSnapshot g = ((TicketClosed) EventFixtures.event(EventType.TICKET_CLOSED)).ticket();
        return new TicketSnapshot(UUID.randomUUID(), project + "-3", project, "Project " + project, g.projectAddress(),
                g.type(), g.title(), client, "Jane Doe", g.status(), g.stage(), g.threadMessageId(), g.priority(),
                g.clientOrganization(), List.of("agent"));
    }

    private static NoteAdded agentNote(TicketSnapshot ticket, String body) {
        NoteAdded golden = EventFixtures.event(EventType.NOTE_ADDED);
        return new NoteAdded(ticket.id(), 2, UUID.randomUUID(), ticket.number(), ticket.projectKey(),
                ticket.projectAddress(), ticket.title(), ticket.clientEmail(), ticket.clientName(), golden.status(),
                NoteAuthor.AGENT, "alex", body, true, true, ticket.threadMessageId(), golden.createdAt());
    }

    private static String admin() {
        return KeycloakTokens.accessToken("admin", "admin");
    }

    private static String uniqueProject() {
        return "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private static String uniqueClient() {
        return "sw-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
