package dev.relaydesk.ticket.mail;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.MailReceived;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.ticket.TestTickets;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Mail arriving in a burst reaches ticket-service as one poll, which it commits in groups: every mail still lands
 * exactly once, a reply finds the ticket its client's mail opened earlier in the same burst, and an unreadable
 * record goes to the dead-letter topic without holding back or undoing the mails around it.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class MailBurstIntakeTest {

    private static final String DEAD_LETTERS = "dead-letter-topic-mail-received-in";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private final String agentToken = KeycloakTokens.accessToken("agent", "agent");

    @Test
    void aBurstOfNewMailsRepliesAndRedeliveriesPutsEachMailOnItsTicketOnce() {
        List<String> clients = new ArrayList<>();
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String client = TestTickets.uniqueClient("burst");
            clients.add(client);
            String original = UUID.randomUUID() + "@example.com";
            MailReceived opening = TestTickets.mail(client, original, List.of(), "Burst " + i);
            String openingEventId = UUID.randomUUID().toString();
            burst.add(record(opening, openingEventId));
            // the same record delivered twice, and mail-ingest publishing the same mail again under a new event id
            burst.add(record(opening, openingEventId));
            burst.add(record(copyWithNewMailId(opening), UUID.randomUUID().toString()));
            MailReceived reply = TestTickets.mail(client, UUID.randomUUID() + "@example.com", List.of(original),
                    "Re: Burst " + i);
            burst.add(record(reply, UUID.randomUUID().toString()));
        }

        send(burst);

        KafkaEvents.awaitConsumed(kafka, "ticket-service", EventType.MAIL_RECEIVED.topic());
        for (String client : clients) {
            JsonPath tickets = awaitTicketsOf(client, 1);
            String ticketId = tickets.getString("[0].id");
            JsonPath ticket = given().auth().oauth2(agentToken).get("/api/tickets/{id}", ticketId)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(1, ticket.getList("notes").size(), "the reply of " + client + " is one note on its ticket");
            assertEquals("MESSAGE_ID", ticket.getString("notes[0].matchedBy"));
            assertEquals("CLIENT", ticket.getString("notes[0].authorType"));
            assertEquals(1, ticketsOf(client).getList("$").size(), client + " has one ticket");
        }
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAndTheMailsAroundItStillLand() throws Exception {
        String before = TestTickets.uniqueClient("before-poison");
        String after = TestTickets.uniqueClient("after-poison");
        String poison = "{\"mailId\": \"not a uuid\", \"marker\": \"" + UUID.randomUUID() + "\"}";
        send(List.of(
                record(TestTickets.mail(before, UUID.randomUUID() + "@example.com", List.of(), "Before"),
                        UUID.randomUUID().toString()),
                raw(poison, UUID.randomUUID().toString()),
                record(TestTickets.mail(after, UUID.randomUUID() + "@example.com", List.of(), "After"),
                        UUID.randomUUID().toString())));

        awaitTicketsOf(before, 1);
        awaitTicketsOf(after, 1);
        KafkaEvents.awaitRecord(kafka, DEAD_LETTERS, candidate -> poison.equals(candidate.value()));
        // the poison's offset is committed too: the consumer is not stuck on it
        KafkaEvents.awaitConsumed(kafka, "ticket-service", EventType.MAIL_RECEIVED.topic());
        assertEquals(1, ticketsOf(before).getList("$").size());
        assertEquals(1, ticketsOf(after).getList("$").size());
        dropConsumedRecords();
    }

    /**
     * One broker serves every module's tests in a build, and mail-ingest's tests read MailReceived from the
     * beginning: the poison must not outlive this test. Everything on its partition is consumed by now.
     */
    private void dropConsumedRecords() throws Exception {
        TopicPartition partition = new TopicPartition(EventType.MAIL_RECEIVED.topic(), 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
            admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(end))).all().get();
        }
    }

    /** All records on one partition, so the burst's order is the order ticket-service reads it in. */
    private static ProducerRecord<String, String> record(MailReceived mail, String eventId) {
        return raw(EventJson.write(mail), eventId);
    }

    private static ProducerRecord<String, String> raw(String payload, String eventId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(EventType.MAIL_RECEIVED.topic(), 0, "burst",
                payload);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_type", EventType.MAIL_RECEIVED.cloudEventType());
        header(record, "ce_source", "urn:relaydesk:test");
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends every record before waiting for any acknowledgement, so they reach the consumer as one burst. */
    private void send(List<ProducerRecord<String, String>> records) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka);
        props.put("acks", "all");
        props.put("linger.ms", "50");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    private JsonPath awaitTicketsOf(String client, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> ticketsOf(client),
                tickets -> tickets.getList("$").size() == count);
    }

    private JsonPath ticketsOf(String client) {
        return given().auth().oauth2(agentToken).queryParam("clientEmail", client)
                .get("/api/tickets").then().statusCode(200).extract().jsonPath();
    }

    private static MailReceived copyWithNewMailId(MailReceived mail) {
        return new MailReceived(UUID.randomUUID(), mail.messageId(), mail.inReplyTo(), mail.references(),
                mail.fromAddress(), mail.fromName(), mail.recipients(), mail.subject(), mail.textBody(),
                mail.receivedAt());
    }
}
