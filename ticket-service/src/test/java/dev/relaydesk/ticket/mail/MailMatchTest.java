package dev.relaydesk.ticket.mail;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.MailReceived;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.NotificationSent;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.ticket.TestTickets;
import dev.relaydesk.ticket.WebLogin;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Agents see how each mail found its ticket, and a reply from someone who is neither the client nor an agent on
 * the ticket is kept, privately, for review.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class MailMatchTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @TestHTTPResource("/")
    URL root;

    private final String agentToken = KeycloakTokens.accessToken("agent", "agent");

    @Test
    void aTicketNumberInTheSubjectFromTheClientIsRecordedAsSuch() {
        String client = TestTickets.uniqueClient("number");
        String ticketId = openTicket(client, "Keyboard missing keys");
        String number = ticket(ticketId).getString("ticket.number");

        publish(TestTickets.mail(client, UUID.randomUUID() + "@example.com", List.of(), "[" + number + "] keys"));

        JsonPath note = awaitNotes(ticketId, 1).setRootPath("notes[0]");
        assertEquals("SUBJECT_NUMBER", note.getString("matchedBy"));
        assertTrue(note.getBoolean("publicNote"));
        assertFalse(note.getBoolean("needsReview"));
    }

    /** Someone the client copied answers with reply-all: it threads, but the client must not see it unreviewed. */
    @Test
    void aReplyFromAStrangerIsAPrivateNoteFlaggedForReviewOnTheAgentsPage() throws Exception {
        String client = TestTickets.uniqueClient("owner");
        String original = UUID.randomUUID() + "@example.com";
        String ticketId = openTicket(client, "Door badge does not work", original);
        String colleague = TestTickets.uniqueClient("colleague");

        MailReceived replyAll = withBody(TestTickets.mail(colleague, UUID.randomUUID() + "@example.com",
                List.of(original), "Re: Door badge does not work"), "Mine stopped too.");
        publish(replyAll);

        JsonPath note = awaitNotes(ticketId, 1).setRootPath("notes[0]");
        assertEquals("Mine stopped too.", note.getString("body"));
        assertEquals(colleague, note.getString("authorEmail"));
        assertEquals("MESSAGE_ID", note.getString("matchedBy"));
        assertFalse(note.getBoolean("publicNote"), "the client does not see it");
        assertTrue(note.getBoolean("needsReview"));
        // what portal-service and notification-service read: a private note, never shown or mailed to the client
        NoteAdded added = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.NOTE_ADDED.topic(),
                record -> record.value().contains(note.getString("id"))).value(), NoteAdded.class);
        assertFalse(added.publicNote());
        assertEquals(1, ticketsOf(colleague) + ticketsOf(client), "no ticket of its own for the stranger");

        HttpClient session = WebLogin.logIn(base(), "agent", "agent");
        String page = session.send(HttpRequest.newBuilder(URI.create(base() + "/ui/tickets/" + ticketId)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String shown = page.substring(page.indexOf("data-note=\"" + note.getString("id") + "\""));
        shown = shown.substring(0, shown.indexOf("</section>"));
        assertTrue(shown.contains("Needs review"), shown);
        assertTrue(shown.contains("matched by mail thread"), shown);
        assertTrue(shown.contains("Private note"), shown);
    }

    @Test
    void aReplyFromAnAgentWeMailedAboutTheTicketIsThatAgentsPrivateNote() {
        String client = TestTickets.uniqueClient("client");
        String ticketId = openTicket(client, "Projector bulb");
        String agentAddress = TestTickets.uniqueClient("agent-mailbox");
        NotificationSent golden = EventFixtures.event(EventType.NOTIFICATION_SENT);
        UUID deliveryId = UUID.randomUUID();
        NotificationSent toAgent = new NotificationSent(UUID.fromString(ticketId), 1, deliveryId,
                deliveryId + "@relaydesk.test", "CLIENT_NOTE", List.of(agentAddress), "agent", golden.sentAt());
        KafkaEvents.publish(kafka, toAgent, UUID.randomUUID().toString());
        KafkaEvents.awaitConsumed(kafka, "ticket-service", EventType.NOTIFICATION_SENT.topic());

        publish(withBody(TestTickets.mail(agentAddress, UUID.randomUUID() + "@example.com",
                List.of(toAgent.messageId()), "Re: Projector bulb"), "Ordered a new bulb."));

        JsonPath note = awaitNotes(ticketId, 1).setRootPath("notes[0]");
        assertEquals("AGENT", note.getString("authorType"));
        assertEquals("agent", note.getString("authorName"));
        assertFalse(note.getBoolean("publicNote"), "an agent's mail reaches the client only by the agent's choice");
        assertFalse(note.getBoolean("needsReview"));
        assertEquals("MESSAGE_ID", note.getString("matchedBy"));
    }

    @Test
    void notesAgentsWroteHaveNoMatch() {
        String ticketId = openTicket(TestTickets.uniqueClient("ui"), "Mouse wheel");
        given().auth().oauth2(agentToken).contentType("application/json")
                .body(java.util.Map.of("body", "Looking into it", "publicNote", false))
                .post("/api/tickets/{id}/notes", ticketId).then().statusCode(201)
                .body("matchedBy", equalTo(null))
                .body("needsReview", equalTo(false));
    }

    private String base() {
        return "http://127.0.0.1:" + root.getPort();
    }

    private String openTicket(String client, String subject) {
        return openTicket(client, subject, UUID.randomUUID() + "@example.com");
    }

    private String openTicket(String client, String subject, String messageId) {
        publish(TestTickets.mail(client, messageId, List.of(), subject));
        return await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(agentToken)
                .queryParam("clientEmail", client).get("/api/tickets").then().statusCode(200).extract().jsonPath()
                .getString("[0].id"), found -> found != null);
    }

    private int ticketsOf(String client) {
        return given().auth().oauth2(agentToken).queryParam("clientEmail", client).get("/api/tickets")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    private JsonPath ticket(String ticketId) {
        return given().auth().oauth2(agentToken).get("/api/tickets/{id}", ticketId).then().statusCode(200)
                .extract().jsonPath();
    }

    private JsonPath awaitNotes(String ticketId, int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(agentToken)
                .get("/api/tickets/{id}", ticketId).then().statusCode(200).body("notes", hasSize(count)));
        return ticket(ticketId);
    }

    private void publish(MailReceived mail) {
        KafkaEvents.publish(kafka, mail, UUID.randomUUID().toString());
    }

    private static MailReceived withBody(MailReceived mail, String body) {
        return new MailReceived(mail.mailId(), mail.messageId(), mail.inReplyTo(), mail.references(),
                mail.fromAddress(), mail.fromName(), mail.recipients(), mail.subject(), body, mail.receivedAt());
    }
}
