package dev.relaydesk.ticket.mail;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.MailReceived;
import dev.relaydesk.events.NotificationSent;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketLinked;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.messaging.mail.ReplyTokens;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.ticket.TestTickets;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Mail events from the real broker become tickets and notes, once each, through the real database. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class MailIntakeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = ReplyTokens.KEY_PROPERTY)
    String replyTokenKey;

    private final String agentToken = KeycloakTokens.accessToken("agent", "agent");

    @Test
    void aNewMailOpensExactlyOneTicketHoweverOftenItIsDelivered() {
        String client = uniqueAddress("printer");
        MailReceived mail = mail(client, UUID.randomUUID() + "@example.com", List.of(), "Printer prints blank pages");
        String eventId = UUID.randomUUID().toString();

        KafkaEvents.publish(kafka, mail, eventId);
        KafkaEvents.publish(kafka, mail, eventId);
        // mail-ingest re-publishing the same mail under a new event id must not open a second ticket either
        KafkaEvents.publish(kafka, copyWithNewMailId(mail), UUID.randomUUID().toString());

        JsonPath ticket = awaitTicketsOf(client, 1).setRootPath("[0]");
        KafkaEvents.awaitConsumed(kafka, "ticket-service", EventType.MAIL_RECEIVED.topic());
        assertEquals(1, ticketsOf(client).getList("$").size());
        assertEquals("Printer prints blank pages", ticket.getString("title"));
        assertEquals("OPEN", ticket.getString("status"));
        assertEquals("New", ticket.getString("stage"));
        assertEquals("EMAIL", ticket.getString("source"));
        assertTrue(ticket.getBoolean("unread"));
        assertTrue(ticket.getString("number").matches("SUP-\\d+"));
    }

    @Test
    void theNewTicketIsPublishedAsASelfContainedCloudEvent() {
        String client = uniqueAddress("event");
        KafkaEvents.publish(kafka, mail(client, UUID.randomUUID() + "@example.com", List.of(), "Invoice is wrong"),
                UUID.randomUUID().toString());
        String ticketId = awaitTicketsOf(client, 1).getString("[0].id");

        ConsumerRecord<String, String> record = KafkaEvents.awaitRecord(kafka, EventType.TICKET_CREATED.topic(),
                candidate -> ticketId.equals(candidate.key()), Duration.ofSeconds(30));

        assertEquals(EventType.TICKET_CREATED.cloudEventType(), KafkaEvents.header(record, "ce_type"));
        assertTrue(KafkaEvents.header(record, "ce_id").length() >= 32);
        TicketCreated created = EventJson.read(record.value(), TicketCreated.class);
        assertEquals(client, created.clientEmail());
        assertEquals("Invoice is wrong", created.title());
        assertEquals("support@relaydesk.test", created.projectAddress());
    }

    @Test
    void aReplyToTheThreadBecomesAClientNoteOnTheSameTicket() {
        String client = uniqueAddress("reply");
        String original = UUID.randomUUID() + "@example.com";
        KafkaEvents.publish(kafka, mail(client, original, List.of(), "VPN drops every hour"), UUID.randomUUID().toString());
        String ticketId = awaitTicketsOf(client, 1).getString("[0].id");

        // the client answers our confirmation: it references our mail and, through it, their original one
        MailReceived reply = mail(client, UUID.randomUUID() + "@example.com",
                List.of(original, "confirmation-1@relaydesk.test"), "Re: VPN drops every hour");
        KafkaEvents.publish(kafka, withBody(reply, "It dropped again at 10:02."), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(agentToken)
                .get("/api/tickets/{id}", ticketId)
                .then().statusCode(200)
                .body("notes", hasSize(1))
                .body("notes[0].body", equalTo("It dropped again at 10:02."))
                .body("notes[0].authorType", equalTo("CLIENT"))
                .body("notes[0].publicNote", equalTo(true))
                .body("notes[0].matchedBy", equalTo("MESSAGE_ID"))
                .body("notes[0].needsReview", equalTo(false))
                .body("ticket.unread", equalTo(true)));
        assertEquals(1, ticketsOf(client).getList("$").size());
    }

    /** The client's mail program kept only our notification's Message-ID, not their own original one. */
    @Test
    void aReplyAnsweringOnlyOurNotificationThreadsToItsTicket() {
        String client = uniqueAddress("notified");
        KafkaEvents.publish(kafka, mail(client, UUID.randomUUID() + "@example.com", List.of(), "Laptop will not boot"),
                UUID.randomUUID().toString());
        String ticketId = awaitTicketsOf(client, 1).getString("[0].id");
        NotificationSent golden = EventFixtures.event(EventType.NOTIFICATION_SENT);
        UUID deliveryId = UUID.randomUUID();
        NotificationSent sent = new NotificationSent(UUID.fromString(ticketId), 1, deliveryId,
                deliveryId + "@relaydesk.test", golden.kind(), List.of(client), null, golden.sentAt());
        String eventId = UUID.randomUUID().toString();
        KafkaEvents.publish(kafka, sent, eventId);
        KafkaEvents.publish(kafka, sent, eventId);
        KafkaEvents.awaitConsumed(kafka, "ticket-service", EventType.NOTIFICATION_SENT.topic());

        MailReceived reply = mail(client, UUID.randomUUID() + "@example.com", List.of(sent.messageId()),
                "AW: your ticket");
        KafkaEvents.publish(kafka, withBody(reply, "Still black screen."), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(agentToken)
                .get("/api/tickets/{id}", ticketId)
                .then().statusCode(200)
                .body("notes", hasSize(1))
                .body("notes[0].body", equalTo("Still black screen."))
                .body("notes[0].authorType", equalTo("CLIENT"))
                .body("notes[0].matchedBy", equalTo("MESSAGE_ID")));
        assertEquals(1, ticketsOf(client).getList("$").size());
    }

    /** A mail program that drops every threading header and rewrites the subject still replies to our Reply-To. */
    @Test
    void theReplyTokenAloneThreadsAReply() {
        String client = uniqueAddress("token");
        KafkaEvents.publish(kafka, mail(client, UUID.randomUUID() + "@example.com", List.of(), "Scanner offline"),
                UUID.randomUUID().toString());
        String ticketId = awaitTicketsOf(client, 1).getString("[0].id");
        String replyTo = new ReplyTokens(replyTokenKey).replyAddress("support@relaydesk.test", UUID.fromString(ticketId));

        MailReceived reply = toAddress(mail(client, UUID.randomUUID() + "@example.com", List.of(), "Quick question"),
                replyTo);
        KafkaEvents.publish(kafka, withBody(reply, "Is it back yet?"), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(agentToken)
                .get("/api/tickets/{id}", ticketId)
                .then().statusCode(200)
                .body("notes", hasSize(1))
                .body("notes[0].body", equalTo("Is it back yet?"))
                .body("notes[0].matchedBy", equalTo("REPLY_TOKEN"))
                .body("notes[0].publicNote", equalTo(true)));
        assertEquals(1, ticketsOf(client).getList("$").size());
    }

    @Test
    void aTamperedReplyTokenThreadsNothingAndOpensANewTicket() {
        String client = uniqueAddress("tampered");
        KafkaEvents.publish(kafka, mail(client, UUID.randomUUID() + "@example.com", List.of(), "Monitor flickers"),
                UUID.randomUUID().toString());
        String ticketId = awaitTicketsOf(client, 1).getString("[0].id");
        String token = new ReplyTokens(replyTokenKey).tokenFor(UUID.fromString(ticketId));
        String tampered = token.substring(0, 20) + (token.charAt(20) == 'a' ? 'b' : 'a') + token.substring(21);

        MailReceived reply = toAddress(mail(client, UUID.randomUUID() + "@example.com", List.of(), "Another thing"),
                "support+" + tampered + "@relaydesk.test");
        KafkaEvents.publish(kafka, reply, UUID.randomUUID().toString());

        awaitTicketsOf(client, 2);
        given().auth().oauth2(agentToken).get("/api/tickets/{id}", ticketId)
                .then().statusCode(200).body("notes", hasSize(0));
    }

    @Test
    void aGuessedTicketNumberFromAStrangerOpensANewTicketInstead() {
        String client = uniqueAddress("owner");
        KafkaEvents.publish(kafka, mail(client, UUID.randomUUID() + "@example.com", List.of(), "Password reset"),
                UUID.randomUUID().toString());
        JsonPath owned = awaitTicketsOf(client, 1);
        String number = owned.getString("[0].number");

        String stranger = uniqueAddress("stranger");
        KafkaEvents.publish(kafka, mail(stranger, UUID.randomUUID() + "@example.com", List.of(), "Re: [" + number + "] hi"),
                UUID.randomUUID().toString());

        String strangersTicket = awaitTicketsOf(stranger, 1).getString("[0].id");
        // ...linked to the ticket it names, so agents see the relation on both
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(agentToken)
                .get("/api/tickets/{id}", strangersTicket).then().statusCode(200)
                .body("links", hasSize(1))
                .body("links[0].number", equalTo(number))
                .body("links[0].kind", equalTo("SUBJECT_NUMBER"))
                .body("links[0].relation", equalTo("names in its subject")));
        given().auth().oauth2(agentToken).get("/api/tickets/{id}", owned.getString("[0].id"))
                .then().statusCode(200).body("notes", hasSize(0))
                .body("links", hasSize(1))
                .body("links[0].id", equalTo(strangersTicket))
                .body("links[0].relation", equalTo("named in the subject of"));

        // webhooks and the portal learn of the link, marked as two clients' tickets (never shown to the owner)
        TicketLinked linked = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.TICKET_LINKED.topic(),
                record -> strangersTicket.equals(record.key()), Duration.ofSeconds(30)).value(), TicketLinked.class);
        assertEquals(owned.getString("[0].id"), linked.linkedTicketId().toString());
        assertEquals(number, linked.linkedNumber());
        assertEquals("SUBJECT_NUMBER", linked.linkKind());
        assertEquals(stranger, linked.clientEmail());
        assertEquals(false, linked.sameClient());
    }

    @Test
    void aFileRefusedForItsSizeIsNamedToAgentsInAFlaggedNote() {
        String client = uniqueAddress("bigfile");
        MailReceived plain = mail(client, UUID.randomUUID() + "@example.com", List.of(), "Scan of the contract");
        MailReceived withFiles = new MailReceived(plain.mailId(), plain.messageId(), plain.inReplyTo(),
                plain.references(), plain.fromAddress(), plain.fromName(), plain.recipients(), plain.subject(),
                plain.textBody(), plain.receivedAt(), java.util.Map.of(), List.of(
                        new MailReceived.Attachment("contract-scan.pdf", "application/pdf", 12_582_912,
                                "larger than the 10.0 MB allowed for one attachment"),
                        new MailReceived.Attachment("logo.png", "image/png", 2048, null)));
        KafkaEvents.publish(kafka, withFiles, UUID.randomUUID().toString());

        String ticketId = awaitTicketsOf(client, 1).getString("[0].id");
        JsonPath ticket = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(agentToken)
                .get("/api/tickets/{id}", ticketId).then().statusCode(200).extract().jsonPath(),
                found -> found.getList("notes").size() == 1);
        assertEquals("Scan of the contract", ticket.getString("ticket.title"));
        assertEquals("SYSTEM", ticket.getString("notes[0].authorType"));
        assertEquals(false, ticket.getBoolean("notes[0].publicNote"), "agents only");
        assertEquals(true, ticket.getBoolean("notes[0].needsReview"));
        String body = ticket.getString("notes[0].body");
        assertTrue(body.contains("- contract-scan.pdf (application/pdf, 12.0 MB): refused, larger than the 10.0 MB"
                + " allowed for one attachment"), body);
        assertTrue(body.contains("- logo.png (image/png, 2.0 KB): kept with the original mail only"), body);
        assertTrue(body.contains(withFiles.mailId().toString()), body);
    }

    private JsonPath awaitTicketsOf(String client, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> ticketsOf(client),
                tickets -> tickets.getList("$").size() == count);
    }

    private JsonPath ticketsOf(String client) {
        return given().auth().oauth2(agentToken).queryParam("clientEmail", client)
                .get("/api/tickets").then().statusCode(200).extract().jsonPath();
    }

    private static String uniqueAddress(String name) {
        return TestTickets.uniqueClient(name);
    }

    private static MailReceived mail(String from, String messageId, List<String> references, String subject) {
        return TestTickets.mail(from, messageId, references, subject);
    }

    private static MailReceived copyWithNewMailId(MailReceived mail) {
        return new MailReceived(UUID.randomUUID(), mail.messageId(), mail.inReplyTo(), mail.references(),
                mail.fromAddress(), mail.fromName(), mail.recipients(), mail.subject(), mail.textBody(), mail.receivedAt());
    }

    private static MailReceived toAddress(MailReceived mail, String recipient) {
        return new MailReceived(mail.mailId(), mail.messageId(), mail.inReplyTo(), mail.references(),
                mail.fromAddress(), mail.fromName(), List.of(recipient), mail.subject(), mail.textBody(), mail.receivedAt());
    }

    private static MailReceived withBody(MailReceived mail, String body) {
        return new MailReceived(mail.mailId(), mail.messageId(), mail.inReplyTo(), mail.references(),
                mail.fromAddress(), mail.fromName(), mail.recipients(), mail.subject(), body, mail.receivedAt());
    }
}
