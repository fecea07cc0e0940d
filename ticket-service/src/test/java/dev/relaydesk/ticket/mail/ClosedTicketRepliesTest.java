package dev.relaydesk.ticket.mail;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.ClosedTicketReplyRefused;
import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.MailReceived;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.NotificationSent;
import dev.relaydesk.events.TicketLinked;
import dev.relaydesk.events.TicketReopened;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.ticket.TestProjects;
import dev.relaydesk.ticket.TestTickets;
import dev.relaydesk.ticket.WebLogin;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A client's mailed reply to a closed ticket follows the project's policy: reopen within the grace period, a new
 * ticket linked to the closed one, or the project's automatic answer. Each test has a project of its own.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class ClosedTicketRepliesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @TestHTTPResource("/")
    URL root;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private final String agent = KeycloakTokens.accessToken("agent", "agent");

    @Test
    void withinTheGracePeriodTheClientsReplyReopensTheTicket() {
        String project = TestProjects.create(admin, "RO");
        given().auth().oauth2(admin).get("/api/admin/projects/{key}", project).then().statusCode(200)
                .body("closedTicketReplies.policy", equalTo("REOPEN"))
                .body("closedTicketReplies.reopenGraceDays", equalTo(14));
        String client = TestTickets.uniqueClient("reopen");
        String original = UUID.randomUUID() + "@example.com";
        String ticketId = openAndClose(project, client, original, "Printer jams again");

        publish(reply(project, client, original, "Re: Printer jams again", "It jams again since this morning."));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(agent)
                .get("/api/tickets/{id}", ticketId).then().statusCode(200)
                .body("ticket.status", equalTo("OPEN"))
                .body("ticket.stage", equalTo("New"))
                .body("ticket.unread", equalTo(true))
                .body("notes", hasSize(1))
                .body("notes[0].body", equalTo("It jams again since this morning."))
                .body("notes[0].publicNote", equalTo(true))
                .body("notes[0].authorType", equalTo("CLIENT"))
                .body("history.detail", hasItem("Closed -> New")));
        TicketReopened reopened = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.TICKET_REOPENED.topic(),
                record -> ticketId.equals(record.key())).value(), TicketReopened.class);
        assertEquals(NoteAuthor.CLIENT, reopened.reopenedBy());
        assertEquals(client, reopened.actor());
        assertEquals(1, ticketsOf(client).getList("$").size(), "no second ticket");
    }

    @Test
    void afterTheGracePeriodTheReplyOpensAFollowUpLinkedToTheClosedTicket() throws Exception {
        String project = TestProjects.create(admin, "GR");
        setPolicy(project, Map.of("policy", "REOPEN", "reopenGraceDays", 0))
                .body("closedTicketReplies.reopenGraceDays", equalTo(0));
        String client = TestTickets.uniqueClient("late");
        String original = UUID.randomUUID() + "@example.com";
        String closedId = openAndClose(project, client, original, "Scanner offline");
        String closedNumber = ticket(closedId).getString("ticket.number");

        publish(reply(project, client, original, "Re: Scanner offline", "Offline again."));

        JsonPath followUp = awaitFollowUp(client, closedId);
        assertEquals("Re: Scanner offline", followUp.getString("ticket.title"));
        assertEquals("Offline again.", followUp.getString("description"));
        assertEquals(project, followUp.getString("ticket.projectKey"));
        assertEquals("OPEN", followUp.getString("ticket.status"));
        assertEquals(closedNumber, followUp.getString("links[0].number"));
        assertEquals("follows up", followUp.getString("links[0].relation"));
        assertEquals("FOLLOW_UP", followUp.getString("links[0].kind"));
        assertTrue(followUp.getList("history.detail").contains("follows up " + closedNumber));
        TicketLinked linked = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.TICKET_LINKED.topic(),
                record -> followUp.getString("ticket.id").equals(record.key()), Duration.ofSeconds(30)).value(),
                TicketLinked.class);
        assertEquals("FOLLOW_UP", linked.linkKind());
        assertEquals(closedId, linked.linkedTicketId().toString());
        assertEquals(closedNumber, linked.linkedNumber());
        assertEquals(followUp.getString("ticket.number"), linked.number());
        assertTrue(linked.sameClient(), "the client's own follow-up");

        JsonPath closed = ticket(closedId);
        assertEquals("CLOSED", closed.getString("ticket.status"), "the old ticket stays closed");
        assertEquals(0, closed.getList("notes").size());
        assertEquals("followed up by", closed.getString("links[0].relation"));
        assertEquals(followUp.getString("ticket.number"), closed.getString("links[0].number"));

        // both agent pages show the link
        HttpClient session = WebLogin.logIn(base(), "agent", "agent");
        assertTrue(page(session, closedId).contains("followed up by <a href=\"/ui/tickets/" + followUp.getString("ticket.id")
                + "\">" + followUp.getString("ticket.number") + "</a>"));
        assertTrue(page(session, followUp.getString("ticket.id")).contains("follows up <a href=\"/ui/tickets/" + closedId
                + "\">" + closedNumber + "</a>"));

        // another answer in the old thread joins the open follow-up rather than opening a third ticket
        publish(reply(project, client, original, "Re: Scanner offline", "Still offline."));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(agent)
                .get("/api/tickets/{id}", followUp.getString("ticket.id")).then().statusCode(200)
                .body("notes", hasSize(1)).body("notes[0].body", equalTo("Still offline.")));
        assertEquals(2, ticketsOf(client).getList("$").size());
    }

    @Test
    void underNewLinkedEvenAFreshReplyOpensALinkedTicket() {
        String project = TestProjects.create(admin, "NL");
        setPolicy(project, Map.of("policy", "NEW_LINKED")).body("closedTicketReplies.policy", equalTo("NEW_LINKED"));
        String client = TestTickets.uniqueClient("linked");
        String original = UUID.randomUUID() + "@example.com";
        String closedId = openAndClose(project, client, original, "VPN certificate");

        publish(reply(project, client, original, "Re: VPN certificate", "Need a new one for my laptop."));

        JsonPath followUp = awaitFollowUp(client, closedId);
        assertEquals("follows up", followUp.getString("links[0].relation"));
        assertEquals("Need a new one for my laptop.", followUp.getString("description"));
        JsonPath closed = ticket(closedId);
        assertEquals("CLOSED", closed.getString("ticket.status"));
        assertEquals(0, closed.getList("notes").size());
    }

    @Test
    void underAnswerWithTemplateTheTicketStaysClosedAndTheAnswerIsAskedFor() {
        String project = TestProjects.create(admin, "AT");
        setPolicy(project, Map.of("policy", "ANSWER_WITH_TEMPLATE"));
        String client = TestTickets.uniqueClient("template");
        String original = UUID.randomUUID() + "@example.com";
        String ticketId = openAndClose(project, client, original, "Monitor cable");
        MailReceived reply = reply(project, client, original, "Re: Monitor cable", "Thanks, works now!");

        publish(reply);

        ClosedTicketReplyRefused refused = EventJson.read(KafkaEvents.awaitRecord(kafka,
                EventType.CLOSED_TICKET_REPLY_REFUSED.topic(), record -> ticketId.equals(record.key())).value(),
                ClosedTicketReplyRefused.class);
        assertEquals(client, refused.clientEmail());
        assertEquals(reply.messageId(), refused.replyMessageId());
        assertEquals(reply.mailId(), refused.mailId());
        assertEquals("Re: Monitor cable", refused.replySubject());
        assertEquals(project, refused.projectKey());
        assertEquals(project.toLowerCase() + "@relaydesk.test", refused.projectAddress());
        assertEquals(original, refused.threadMessageId());

        JsonPath closed = ticket(ticketId);
        assertEquals("CLOSED", closed.getString("ticket.status"));
        assertFalse(closed.getBoolean("ticket.unread"));
        List<Map<String, Object>> notes = closed.getList("notes");
        assertEquals(1, notes.size());
        assertEquals(false, notes.get(0).get("publicNote"), "nothing the client would see");
        assertEquals("SYSTEM", notes.get(0).get("authorType"));
        assertTrue(((String) notes.get(0).get("body")).contains("Thanks, works now!"), "agents can read it");
        assertEquals(1, ticketsOf(client).getList("$").size());

        // a second reply the same day is kept for agents but not answered again (no ping-pong with auto-responders)
        publish(reply(project, client, original, "Re: Monitor cable", "One more thing."));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(agent)
                .get("/api/tickets/{id}", ticketId).then().statusCode(200).body("notes", hasSize(2)));
        assertEquals(1, ticket(ticketId).getList("history.action").stream()
                .filter("reply answered with template"::equals).count());
        assertEquals(1, KafkaEvents.records(kafka, EventType.CLOSED_TICKET_REPLY_REFUSED.topic()).stream()
                .filter(record -> ticketId.equals(record.key())).count());
    }

    /** Agents decide whether a ticket opens again: their mail to a closed ticket is a private note. */
    @Test
    void anAgentsMailToAClosedTicketStaysAPrivateNoteAndReopensNothing() {
        String project = TestProjects.create(admin, "AG");
        String client = TestTickets.uniqueClient("client");
        String ticketId = openAndClose(project, client, UUID.randomUUID() + "@example.com", "Headset");
        String agentAddress = TestTickets.uniqueClient("agent-mailbox");
        NotificationSent golden = EventFixtures.event(EventType.NOTIFICATION_SENT);
        UUID deliveryId = UUID.randomUUID();
        NotificationSent toAgent = new NotificationSent(UUID.fromString(ticketId), 1, deliveryId,
                deliveryId + "@relaydesk.test", "CLIENT_NOTE", List.of(agentAddress), "agent", golden.sentAt());
        KafkaEvents.publish(kafka, toAgent, UUID.randomUUID().toString());
        KafkaEvents.awaitConsumed(kafka, "ticket-service", EventType.NOTIFICATION_SENT.topic());

        publish(reply(project, agentAddress, toAgent.messageId(), "Re: Headset", "Sent a replacement."));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(agent)
                .get("/api/tickets/{id}", ticketId).then().statusCode(200)
                .body("notes", hasSize(1))
                .body("notes[0].authorType", equalTo("AGENT"))
                .body("notes[0].publicNote", equalTo(false))
                .body("ticket.status", equalTo("CLOSED")));
    }

    @Test
    void anUnknownPolicyOrGracePeriodIsRefusedAsProblemNamingTheField() {
        String project = TestProjects.create(admin, "BP");
        setPolicy(project, Map.of("policy", "DELETE_IT"), 400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("policy"));
        setPolicy(project, Map.of("policy", "REOPEN", "reopenGraceDays", -1), 400)
                .contentType("application/problem+json").body("errors[0].field", containsString("reopenGraceDays"));
        given().auth().oauth2(agent).contentType(ContentType.JSON).body(Map.of("policy", "NEW_LINKED"))
                .put("/api/admin/projects/{key}/closed-ticket-replies", project).then().statusCode(403);
        given().auth().oauth2(admin).get("/api/admin/projects/{key}", project).then().statusCode(200)
                .body("closedTicketReplies.policy", equalTo("REOPEN"));
        // documented for API users: the path, its policies and its problem answer
        String openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertTrue(openApi.contains("/api/admin/projects/{key}/closed-ticket-replies"));
        assertTrue(openApi.contains("ANSWER_WITH_TEMPLATE"));
        assertTrue(openApi.contains("application/problem+json"));
    }

    private io.restassured.response.ValidatableResponse setPolicy(String project, Map<String, Object> body) {
        return setPolicy(project, body, 200);
    }

    private io.restassured.response.ValidatableResponse setPolicy(String project, Map<String, Object> body, int status) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .put("/api/admin/projects/{key}/closed-ticket-replies", project).then().statusCode(status);
    }

    /** A ticket the client opened by mailing the project, then closed by an agent. */
    private String openAndClose(String project, String client, String messageId, String subject) {
        publish(toProject(project, TestTickets.mail(client, messageId, List.of(), subject)));
        JsonPath tickets = await().atMost(Duration.ofSeconds(30)).until(() -> ticketsOf(client),
                found -> found.getList("$").size() == 1);
        String id = tickets.getString("[0].id");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("stage", "Closed", "version", tickets.getLong("[0].version")))
                .put("/api/tickets/{id}/stage", id).then().statusCode(200).body("status", equalTo("CLOSED"));
        return id;
    }

    private JsonPath awaitFollowUp(String client, String closedId) {
        String followUpId = await().atMost(Duration.ofSeconds(30)).until(() -> ticketsOf(client).getList("id", String.class)
                .stream().filter(id -> !id.equals(closedId)).findFirst().orElse(null), found -> found != null);
        return ticket(followUpId);
    }

    private MailReceived reply(String project, String from, String answered, String subject, String body) {
        MailReceived mail = TestTickets.mail(from, UUID.randomUUID() + "@example.com", List.of(answered), subject);
        return toProject(project, new MailReceived(mail.mailId(), mail.messageId(), mail.inReplyTo(),
                mail.references(), mail.fromAddress(), mail.fromName(), mail.recipients(), mail.subject(), body,
                mail.receivedAt()));
    }

    private static MailReceived toProject(String project, MailReceived mail) {
        return new MailReceived(mail.mailId(), mail.messageId(), mail.inReplyTo(), mail.references(),
                mail.fromAddress(), mail.fromName(), List.of(project.toLowerCase() + "@relaydesk.test"), mail.subject(),
                mail.textBody(), mail.receivedAt());
    }

    private void publish(MailReceived mail) {
        KafkaEvents.publish(kafka, mail, UUID.randomUUID().toString());
    }

    private JsonPath ticketsOf(String client) {
        return given().auth().oauth2(admin).queryParam("clientEmail", client).get("/api/tickets")
                .then().statusCode(200).extract().jsonPath();
    }

    private JsonPath ticket(String id) {
        return given().auth().oauth2(admin).get("/api/tickets/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private String page(HttpClient session, String ticketId) throws Exception {
        return session.send(HttpRequest.newBuilder(URI.create(base() + "/ui/tickets/" + ticketId)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private String base() {
        return "http://127.0.0.1:" + root.getPort();
    }
}
