package dev.relaydesk.ticket.mail;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Admins' rules thread mail from senders that strip threading headers (monitoring, other ticketing systems), and
 * only from the sender a rule names.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class MailMatchRulesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private final String agent = KeycloakTokens.accessToken("agent", "agent");

    @Test
    void aMonitoringToolsSecondAlertForTheSameIncidentThreadsOntoTheFirstTicket() {
        String domain = "mon-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String alerts = "alerts@" + domain;
        createRule(Map.of("name", "Monitoring incidents", "sender", "@" + domain, "source", "HEADER",
                "headerName", "X-Alert-Id", "pattern", "^(INC-\\d+)$", "yields", "EXTERNAL_REFERENCE"))
                .then().statusCode(201).body("headerName", equalTo("x-alert-id"));

        publish(withHeaders(mail(alerts, "[FIRING] Disk full on db-1", "disk 97%"), Map.of("x-alert-id", "INC-7001")));
        String ticketId = awaitOnlyTicketOf(alerts);
        // another incident of the same tool is a ticket of its own
        publish(withHeaders(mail(alerts, "[FIRING] Disk full on db-2", "disk 98%"), Map.of("x-alert-id", "INC-7002")));
        // no In-Reply-To, no References, another subject: only the rule can tell it belongs to INC-7001
        publish(withHeaders(mail(alerts, "[RESOLVED] Disk full on db-1", "disk 60%"), Map.of("x-alert-id", "INC-7001")));

        JsonPath note = awaitNotes(ticketId, 1).setRootPath("notes[0]");
        assertEquals("disk 60%", note.getString("body"));
        assertEquals("MATCH_RULE", note.getString("matchedBy"));
        await().atMost(Duration.ofSeconds(30)).until(() -> ticketsOf(alerts).size() == 2);
        assertEquals(1, ticketsOf(alerts).stream().filter(id -> !id.equals(ticketId)).count());
    }

    @Test
    void aTicketNumberInTheBodyOfAnotherTicketingSystemsMailThreadsAndWaitsForReview() {
        String vendor = "noreply-" + UUID.randomUUID().toString().substring(0, 8) + "@vendor-desk.example";
        createRule(Map.of("name", "Vendor desk", "sender", vendor, "source", "BODY",
                "pattern", "Your reference:\\s*([A-Z][A-Z0-9]+-\\d+)", "yields", "TICKET_NUMBER"))
                .then().statusCode(201);
        String client = TestTickets.uniqueClient("printer");
        publish(mail(client, "Printer jams", "It jams."));
        String ticketId = awaitOnlyTicketOf(client);
        String number = ticket(ticketId).getString("ticket.number");

        publish(mail(vendor, "Case 55812 updated", "The technician comes on Monday.\nYour reference: " + number + "\n"));

        JsonPath note = awaitNotes(ticketId, 1).setRootPath("notes[0]");
        assertEquals("MATCH_RULE", note.getString("matchedBy"));
        assertTrue(note.getString("body").contains("technician comes on Monday"));
        assertFalse(note.getBoolean("publicNote"), "the vendor is not the client: agents decide what the client sees");
        assertTrue(note.getBoolean("needsReview"));
        assertEquals(List.of(), ticketsOf(vendor), "no ticket of its own");
    }

    @Test
    void aRuleForAnotherSenderDoesNotApply() {
        String trusted = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example";
        createRule(Map.of("name", "Partner desk", "sender", trusted, "source", "SUBJECT",
                "pattern", "\\(ref ([A-Z][A-Z0-9]+-\\d+)\\)", "yields", "TICKET_NUMBER")).then().statusCode(201);
        String client = TestTickets.uniqueClient("owner");
        publish(mail(client, "Laptop battery", "It swells."));
        String ticketId = awaitOnlyTicketOf(client);
        String number = ticket(ticketId).getString("ticket.number");
        // same domain, same pattern, but not the address the rule trusts
        String stranger = "someone-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example";

        publish(mail(stranger, "Battery news (ref " + number + ")", "Let me into that ticket."));

        String own = awaitOnlyTicketOf(stranger);
        assertFalse(own.equals(ticketId));
        assertEquals(0, ticket(ticketId).getList("notes").size(), "nothing was attached to the client's ticket");
    }

    @Test
    void anInvalidRuleIsRefusedWithTheFieldNamed() {
        createRule(Map.of("name", "Broken", "sender", "@mon.example", "source", "BODY", "pattern", "ref: ([A-Z+",
                "yields", "TICKET_NUMBER"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("pattern"))
                .body("errors[0].message", containsString("Not a valid regular expression"));
        createRule(Map.of("name", "No group", "sender", "@mon.example", "source", "BODY", "pattern", "ref: [A-Z]+",
                "yields", "TICKET_NUMBER"))
                .then().statusCode(400).body("errors[0].field", equalTo("pattern"))
                .body("errors[0].message", containsString("exactly one capture group"));
        createRule(Map.of("name", "No header", "sender", "@mon.example", "source", "HEADER", "pattern", "(\\d+)",
                "yields", "EXTERNAL_REFERENCE"))
                .then().statusCode(400).body("errors[0].field", equalTo("headerName"));
        createRule(Map.of("name", "Too long", "sender", "@mon.example", "source", "BODY",
                "pattern", "(" + "a".repeat(600) + ")", "yields", "TICKET_NUMBER"))
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(agent).contentType(ContentType.JSON).body(Map.of("name", "x", "sender", "@mon.example",
                "source", "BODY", "pattern", "(\\d+)", "yields", "TICKET_NUMBER"))
                .post("/api/admin/mail-match-rules").then().statusCode(403);
        given().auth().oauth2(admin).get("/api/admin/mail-match-rules").then().statusCode(200)
                .body("findAll { it.name == 'Broken' }", hasSize(0));
    }

    private io.restassured.response.Response createRule(Map<String, String> rule) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(rule).post("/api/admin/mail-match-rules");
    }

    private static MailReceived mail(String from, String subject, String body) {
        MailReceived mail = TestTickets.mail(from, UUID.randomUUID() + "@example.com", List.of(), subject);
        return new MailReceived(mail.mailId(), mail.messageId(), mail.inReplyTo(), mail.references(),
                mail.fromAddress(), mail.fromName(), mail.recipients(), mail.subject(), body, mail.receivedAt());
    }

    private static MailReceived withHeaders(MailReceived mail, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("x-mailer", "Monitoring 9.1");
        return new MailReceived(mail.mailId(), mail.messageId(), mail.inReplyTo(), mail.references(),
                mail.fromAddress(), mail.fromName(), mail.recipients(), mail.subject(), mail.textBody(),
                mail.receivedAt(), all);
    }

    private void publish(MailReceived mail) {
        KafkaEvents.publish(kafka, mail, UUID.randomUUID().toString());
    }

    private List<String> ticketsOf(String client) {
        return given().auth().oauth2(agent).queryParam("clientEmail", client).get("/api/tickets")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
    }

    private String awaitOnlyTicketOf(String client) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ticketsOf(client).size() == 1);
        return ticketsOf(client).get(0);
    }

    private JsonPath ticket(String ticketId) {
        return given().auth().oauth2(agent).get("/api/tickets/{id}", ticketId).then().statusCode(200)
                .extract().jsonPath();
    }

    private JsonPath awaitNotes(String ticketId, int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(agent)
                .get("/api/tickets/{id}", ticketId).then().statusCode(200).body("notes", hasSize(count)));
        return ticket(ticketId);
    }
}
