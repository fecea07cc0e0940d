package dev.relaydesk.notification.rule;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.EventType;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketAssigned;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketPriority;
import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.events.TicketStageChanged;
import dev.relaydesk.events.TicketUpdated;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.notification.sms.FakeSmsProvider;
import dev.relaydesk.notification.sms.FakeSmsProvider.Request;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.MailParts;
import dev.relaydesk.testsupport.Mailboxes;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Admins' rules, fired by ticket events from the real broker: email on the real mail server, SMS through a
 * Twilio-style provider played by an HTTP server of the test.
 */
@QuarkusTest
@WithTestResource(FakeSmsProvider.class)
class RuleActionsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void anSmsRuleSendsOnceThroughTheProviderEvenAfterTheProviderFailedOnce() throws Exception {
        String project = uniqueProject();
        String phone = uniquePhone();
        createRule(Map.of("name", "Tell the on-call phone", "on", "stage_changed", "projectKey", project,
                "stage", "Waiting", "channel", "sms", "to", "fixed", "address", phone,
                "body", "Hello {clientFirstName}, {ticketNumber} is now {stage}."));
        FakeSmsProvider.script(phone, 503);
        TicketStageChanged changed = stageChanged(project, "Waiting");
        String eventId = UUID.randomUUID().toString();

        KafkaEvents.publish(kafka, changed, eventId);
        KafkaEvents.publish(kafka, changed, eventId);
        KafkaEvents.publish(kafka, changed, UUID.randomUUID().toString()); // a producer's retry: still the same change

        JsonPath delivery = awaitDelivery(changed.ticketId(), "sent");
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.TICKET_STAGE_CHANGED.topic());
        List<Request> requests = FakeSmsProvider.requestsTo(phone);
        assertEquals(List.of(503, 201), requests.stream().map(Request::answer).toList(),
                "the provider's outage is retried, and the message goes out once");
        Request sent = requests.get(1);
        assertEquals("/2010-04-01/Accounts/" + FakeSmsProvider.ACCOUNT + "/Messages.json", sent.path());
        assertEquals("Basic " + Base64.getEncoder().encodeToString((FakeSmsProvider.ACCOUNT + ":" + FakeSmsProvider.TOKEN)
                .getBytes(StandardCharsets.UTF_8)), sent.authorization());
        assertTrue(sent.contentType().startsWith("application/x-www-form-urlencoded"), sent.contentType());
        assertEquals(FakeSmsProvider.FROM, sent.form().get("From"));
        assertEquals(phone, sent.form().get("To"));
        assertEquals("Hello Jane, " + changed.ticket().number() + " is now Waiting.", sent.form().get("Body"));

        assertEquals("sms", delivery.getString("[0].channel"));
        assertEquals(phone, delivery.getString("[0].recipientPhone"));
        assertEquals(2, delivery.getInt("[0].attempts"));
        JsonPath log = given().auth().oauth2(admin()).get("/api/admin/deliveries/" + delivery.getString("[0].id"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals("failed", log.getString("attemptLog[0].outcome"));
        assertTrue(log.getString("attemptLog[0].answer").contains("HTTP 503"), log.getString("attemptLog[0].answer"));
        assertEquals("sent", log.getString("attemptLog[1].outcome"));
        assertTrue(log.getString("attemptLog[1].answer").contains("HTTP 201"), log.getString("attemptLog[1].answer"));
        Thread.sleep(1500); // a few more dispatcher rounds: nothing is sent again
        assertEquals(2, FakeSmsProvider.requestsTo(phone).size());
    }

    @Test
    void anSmsTheProviderRefusesIsGivenUpWithItsAnswer() {
        String project = uniqueProject();
        String phone = uniquePhone();
        createRule(Map.of("name", "Refused", "on", "stage_changed", "projectKey", project, "channel", "sms",
                "to", "fixed", "address", phone, "body", "{ticketNumber}: {stage}"));
        FakeSmsProvider.script(phone, 400);
        TicketStageChanged changed = stageChanged(project, "Waiting");

        KafkaEvents.publish(kafka, changed, UUID.randomUUID().toString());

        JsonPath delivery = awaitDelivery(changed.ticketId(), "given_up");
        assertEquals(1, delivery.getInt("[0].attempts"));
        assertTrue(delivery.getString("[0].lastError").contains("HTTP 400"), delivery.getString("[0].lastError"));
        assertEquals(1, FakeSmsProvider.requestsTo(phone).size(), "a refusal is not retried");
    }

    @Test
    void aLongSmsIsSplitIntoNumberedMessagesOfOneSegment() {
        String project = uniqueProject();
        String phone = uniquePhone();
        createRule(Map.of("name", "Long", "on", "stage_changed", "projectKey", project, "channel", "sms",
                "to", "fixed", "address", phone,
                "body", "Hello {clientFirstName}, your ticket {ticketNumber} \"{title}\" of {projectName} has moved to"
                        + " the stage {stage}. We will write to you as soon as there is news; you can answer this"
                        + " message's mail any time. Thank you for your patience, the {projectName} team."));
        TicketStageChanged changed = stageChanged(project, "Waiting");

        KafkaEvents.publish(kafka, changed, UUID.randomUUID().toString());

        awaitDelivery(changed.ticketId(), "sent");
        List<String> bodies = FakeSmsProvider.requestsTo(phone).stream().map(request -> request.form().get("Body")).toList();
        assertTrue(bodies.size() >= 2, bodies.toString());
        for (int i = 0; i < bodies.size(); i++) {
            assertTrue(bodies.get(i).startsWith("(" + (i + 1) + "/" + bodies.size() + ") "), bodies.get(i));
            assertTrue(bodies.get(i).length() <= 160, bodies.get(i));
        }
        assertTrue(bodies.get(bodies.size() - 1).endsWith("the Project " + project + " team."), bodies.toString());
    }

    @Test
    void anEmailRuleMailsTheClientOncePerEventWhenTheTicketMeetsItsConditions() throws Exception {
        String project = uniqueProject();
        createRule(Map.of("name", "Urgent answers", "on", "note_added", "projectKey", project, "priority", "urgent",
                "channel", "email", "to", "client", "subject", "Update on {title}",
                "body", "Hello {clientFirstName},\n{agentName} wrote: {noteText}"));
        TicketCreated urgent = created(project, TicketPriority.URGENT);
        TicketCreated low = created(project, TicketPriority.LOW);
        KafkaEvents.publish(kafka, urgent, UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, low, UUID.randomUUID().toString());
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.TICKET_CREATED.topic());
        NoteAdded onUrgent = note(urgent, "Replacement <b>ships</b> today.");
        NoteAdded onLow = note(low, "Nothing yet.");
        String eventId = UUID.randomUUID().toString();

        KafkaEvents.publish(kafka, onLow, UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, onUrgent, eventId);
        KafkaEvents.publish(kafka, onUrgent, eventId);
        KafkaEvents.publish(kafka, onUrgent, UUID.randomUUID().toString());

        MimeMessage mail = Mailboxes.awaitMessage(urgent.clientEmail(), Mailboxes.subjectContains("Update on"));
        assertEquals("[" + urgent.number() + "] Update on " + urgent.title(), mail.getSubject());
        assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null));
        assertEquals("<" + urgent.threadMessageId() + ">", mail.getHeader("In-Reply-To", null));
        assertEquals("Hello Jane,\nAlex wrote: Replacement <b>ships</b> today.", MailParts.text(mail).strip()
                .replace("\r\n", "\n"));
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.NOTE_ADDED.topic());
        Thread.sleep(1500);
        assertEquals(1, Mailboxes.messages(urgent.clientEmail()).stream().filter(Mailboxes.subjectContains("Update on"))
                .count(), "each rule fires once per event, however often it comes");
        assertEquals(0, Mailboxes.messages(low.clientEmail()).stream().filter(Mailboxes.subjectContains("Update on"))
                .count(), "a ticket of another priority does not meet the rule");
    }

    /** The field's value is compared ignoring case; a note on a ticket is tested against the values its events told. */
    @Test
    void aCustomFieldConditionFiresForMatchingTicketsAndFollowsAnEditOfTheField() throws Exception {
        String project = uniqueProject();
        createRule(Map.of("name", "Gold contracts", "on", "note_added", "projectKey", project,
                "customField", "contract", "customFieldValue", "gold", "channel", "email", "to", "client",
                "subject", "Gold news on {title}", "body", "{agentName} wrote: {noteText}"));
        TicketCreated gold = created(project, Map.of("contract", "GOLD", "seats", "40"), null);
        TicketCreated silver = created(project, Map.of("contract", "silver"), null);
        KafkaEvents.publish(kafka, gold, UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, silver, UUID.randomUUID().toString());
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.TICKET_CREATED.topic());
        NoteAdded onGold = note(gold, "Your engineer comes today.");
        String eventId = UUID.randomUUID().toString();

        KafkaEvents.publish(kafka, note(silver, "Not for silver."), UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, onGold, eventId);
        KafkaEvents.publish(kafka, onGold, eventId);

        Mailboxes.awaitMessage(gold.clientEmail(), Mailboxes.subjectContains("Gold news"));
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.NOTE_ADDED.topic());
        Thread.sleep(1500);
        assertEquals(1, goldNews(gold), "a replayed event sends nothing new");
        assertEquals(0, goldNews(silver), "another value does not meet the condition");

        // an agent changes the field: the next note on that ticket meets the rule
        TicketSnapshot edited = new TicketSnapshot(silver.ticketId(), silver.number(), project, silver.projectName(),
                silver.projectAddress(), silver.type(), silver.title(), silver.clientEmail(), silver.clientName(),
                silver.status(), silver.stage(), silver.threadMessageId(), silver.priority(), null, List.of(),
                Map.of("contract", "Gold"), null);
        KafkaEvents.publish(kafka, new TicketUpdated(edited, 3,
                List.of(new TicketUpdated.FieldChange("customFields.contract", "silver", "Gold")), "alex",
                silver.createdAt()), UUID.randomUUID().toString());
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.TICKET_UPDATED.topic());
        NoteAdded later = new NoteAdded(silver.ticketId(), 4, UUID.randomUUID(), silver.number(), project,
                silver.projectAddress(), silver.title(), silver.clientEmail(), silver.clientName(), silver.status(),
                NoteAuthor.AGENT, "Alex", "Upgraded.", true, true, silver.threadMessageId(), silver.createdAt());
        KafkaEvents.publish(kafka, later, UUID.randomUUID().toString());

        MimeMessage mail = Mailboxes.awaitMessage(silver.clientEmail(), Mailboxes.subjectContains("Gold news"));
        assertEquals("Alex wrote: Upgraded.", MailParts.text(mail).strip());
    }

    /** The number comes with the ticket; a client without one is logged as given up, once, with the reason. */
    @Test
    void anSmsRuleTextsTheClientsOwnNumberOrSaysThereIsNone() throws Exception {
        String project = uniqueProject();
        String phone = uniquePhone();
        createRule(Map.of("name", "Text the client", "on", "note_added", "projectKey", project, "channel", "sms",
                "to", "client", "body", "{ticketNumber}: {agentName} answered."));
        TicketCreated withPhone = created(project, Map.of(), phone);
        TicketCreated without = created(project, Map.of(), null);
        KafkaEvents.publish(kafka, withPhone, UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, without, UUID.randomUUID().toString());
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.TICKET_CREATED.topic());
        NoteAdded answered = note(withPhone, "Done.");
        String eventId = UUID.randomUUID().toString();

        KafkaEvents.publish(kafka, answered, eventId);
        KafkaEvents.publish(kafka, answered, eventId);
        KafkaEvents.publish(kafka, note(without, "Done too."), UUID.randomUUID().toString());

        Map<String, Object> sent = awaitSms(withPhone.ticketId(), "sent");
        assertEquals(phone, sent.get("recipientPhone"));
        assertEquals(withPhone.number() + ": Alex answered.", FakeSmsProvider.requestsTo(phone).get(0).form().get("Body"));
        Map<String, Object> skipped = awaitSms(without.ticketId(), "given_up");
        assertEquals(1, skipped.get("attempts"));
        assertTrue(String.valueOf(skipped.get("lastError")).contains("gave no mobile number"), String.valueOf(skipped.get("lastError")));
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.NOTE_ADDED.topic());
        Thread.sleep(1500);
        assertEquals(1, FakeSmsProvider.requestsTo(phone).size(), "sent once, however often the event comes");
        assertEquals(List.of("given_up"), given().auth().oauth2(admin()).queryParam("ticketId", without.ticketId().toString())
                .get("/api/admin/deliveries").then().extract().jsonPath().getList("findAll { it.channel == 'sms' }.status"),
                "one SMS given up, no retry loop");
    }

    /** The ticket's SMS delivery once it has the status (a ticket also has its default mails in the log). */
    private static Map<String, Object> awaitSms(UUID ticketId, String status) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(admin()).queryParam("ticketId", ticketId.toString())
                        .get("/api/admin/deliveries").then().statusCode(200).extract().jsonPath()
                        .<Map<String, Object>>getList("findAll { it.channel == 'sms' }").stream().findFirst().orElse(Map.of()),
                        sms -> status.equals(sms.get("status")));
    }

    private static long goldNews(TicketCreated ticket) {
        return Mailboxes.messages(ticket.clientEmail()).stream().filter(Mailboxes.subjectContains("Gold news")).count();
    }

    private static TicketCreated created(String project, Map<String, String> customFields, String phone) {
        TicketCreated g = created(project, TicketPriority.NORMAL);
        return new TicketCreated(g.ticketId(), g.version(), g.number(), g.projectKey(), g.projectName(),
                g.projectAddress(), g.title(), g.description(), g.clientEmail(), g.clientName(), g.status(), g.stage(),
                g.source(), g.threadMessageId(), g.createdAt(), g.type(), g.priority(), null, null, customFields, phone);
    }

    @Test
    void anAssigneesRuleMailsEachAssignedAgentButNotTheOneWhoAssigned() throws Exception {
        String project = uniqueProject();
        createRule(Map.of("name", "Assignment notice", "on", "assigned", "projectKey", project, "channel", "email",
                "to", "assignees", "subject", "Assigned: {title}", "body", "{agentName} assigned {ticketNumber} to you."));
        TicketStageChanged golden = stageChanged(project, "New");
        TicketSnapshot ticket = golden.ticket();
        TicketSnapshot assigned = new TicketSnapshot(ticket.id(), ticket.number(), project, ticket.projectName(),
                ticket.projectAddress(), ticket.type(), "Assigned " + project, ticket.clientEmail(), ticket.clientName(),
                ticket.status(), ticket.stage(), ticket.threadMessageId(), ticket.priority(), null, List.of("agent", "admin"));

        KafkaEvents.publish(kafka, new TicketAssigned(assigned, 5, List.of(), "admin", golden.changedAt()),
                UUID.randomUUID().toString());

        MimeMessage mail = Mailboxes.awaitMessage("agent@relaydesk.test", Mailboxes.subjectContains("Assigned " + project));
        assertEquals("[" + ticket.number() + "] Assigned: Assigned " + project, mail.getSubject());
        assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null));
        assertEquals(null, mail.getHeader("In-Reply-To", null), "an agent's mail stays out of the client's thread");
        assertEquals("admin assigned " + ticket.number() + " to you.", MailParts.text(mail).strip());
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.TICKET_ASSIGNED.topic());
        awaitDelivery(ticket.id(), "sent");
        assertEquals(0, Mailboxes.messages("admin@relaydesk.test").stream()
                .filter(Mailboxes.subjectContains("Assigned " + project)).count(), "nobody is told of their own action");
        assertEquals(0, Mailboxes.messages(ticket.clientEmail()).size());
    }

    @Test
    void anSmsNumberMustBeE164AndOtherBadRulesAreRefusedWithTheReason() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "on", "closed", "channel", "sms", "to", "fixed", "address", "0151 1234567",
                        "body", "closed"))
                .post("/api/admin/notification-rules")
                .then().statusCode(400).contentType("application/problem+json")
                .body(containsString("E.164"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "on", "closed", "channel", "sms", "to", "assignees", "body", "closed"))
                .post("/api/admin/notification-rules")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "on", "closed", "channel", "email", "to", "client", "body", "closed",
                        "customFieldValue", "gold"))
                .post("/api/admin/notification-rules")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("customField"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "on", "closed", "channel", "email", "to", "client", "body", "closed",
                        "customField", "contract"))
                .post("/api/admin/notification-rules")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("customFieldValue"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "on", "closed", "channel", "email", "to", "client", "body", "closed",
                        "customField", "con tract\nBcc:", "customFieldValue", "gold"))
                .post("/api/admin/notification-rules")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("customField"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "on", "exploded", "channel", "email", "to", "client", "body", "closed"))
                .post("/api/admin/notification-rules")
                .then().statusCode(400).contentType("application/problem+json").body(containsString("note_added"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "on", "closed", "channel", "email", "to", "client", "body", "{noSuchThing}"))
                .post("/api/admin/notification-rules")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void onlyAdminsManageRulesAndADeletedRuleIsGone() {
        given().get("/api/admin/notification-rules").then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.accessToken("agent", "agent")).get("/api/admin/notification-rules")
                .then().statusCode(403);
        String id = createRule(Map.of("name", "Closed notice", "on", "closed", "channel", "email", "to", "fixed",
                "address", "team@example.com", "subject", "{ticketNumber} closed", "body", "{title} is closed."));
        given().auth().oauth2(admin()).get("/api/admin/notification-rules")
                .then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(admin()).delete("/api/admin/notification-rules/" + id).then().statusCode(204);
        given().auth().oauth2(admin()).get("/api/admin/notification-rules")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(admin()).get("/api/admin/notification-rules/" + id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static String createRule(Map<String, String> rule) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(new HashMap<>(rule))
                .post("/api/admin/notification-rules")
                .then().statusCode(201).body("name", equalTo(rule.get("name")))
                .extract().path("id");
    }

    private static JsonPath awaitDelivery(UUID ticketId, String status) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(admin()).queryParam("ticketId", ticketId.toString())
                        .get("/api/admin/deliveries").then().statusCode(200).extract().jsonPath(),
                        json -> status.equals(json.getString("[0].status")));
    }

    private static TicketStageChanged stageChanged(String project, String stage) {
        TicketStageChanged golden = EventFixtures.event(EventType.TICKET_STAGE_CHANGED);
        TicketSnapshot g = golden.ticket();
        TicketSnapshot ticket = new TicketSnapshot(UUID.randomUUID(), project + "-7", project, "Project " + project,
                g.projectAddress(), g.type(), g.title(), uniqueClient(), "Jane Doe", g.status(), stage,
                g.threadMessageId(), g.priority(), g.clientOrganization(), g.assignees());
        return new TicketStageChanged(ticket, 4, "New", "alex", golden.changedAt());
    }

    private static TicketCreated created(String project, TicketPriority priority) {
        TicketCreated g = EventFixtures.event(EventType.TICKET_CREATED);
        return new TicketCreated(UUID.randomUUID(), 1, project + "-" + (100 + (int) (Math.random() * 900)), project,
                "Project " + project, g.projectAddress(), "Laptop " + UUID.randomUUID().toString().substring(0, 4),
                "It does not boot", uniqueClient(), "Jane Doe", g.status(), g.stage(), g.source(),
                UUID.randomUUID() + "@mail.example.com", g.createdAt(), g.type(), priority, null, null);
    }

    private static NoteAdded note(TicketCreated ticket, String body) {
        return new NoteAdded(ticket.ticketId(), 2, UUID.randomUUID(), ticket.number(), ticket.projectKey(),
                ticket.projectAddress(), ticket.title(), ticket.clientEmail(), ticket.clientName(), ticket.status(),
                NoteAuthor.AGENT, "Alex", body, true, true, ticket.threadMessageId(), ticket.createdAt());
    }

    private static String uniqueProject() {
        return "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
    }

    private static String uniquePhone() {
        return "+4915" + (100_000_000L + (long) (Math.random() * 899_999_999L));
    }

    private static String uniqueClient() {
        return "client-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static String admin() {
        return KeycloakTokens.accessToken("admin", "admin");
    }
}
