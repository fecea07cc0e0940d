package dev.relaydesk.mailingest.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.MailReceived;
import dev.relaydesk.mailingest.inbound.InboundMessage;
import dev.relaydesk.mailingest.smtp.SmtpReceiver;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.Metrics;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.testsupport.Smtp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Real HTTP calls to the intake; outcomes read from the real broker and database. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class InboundMailResourceTest {

    private static final String SECRET = "test-inbound-secret";

    @Inject
    SmtpReceiver receiver;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aPostedMessageIsStoredThenPublished() {
        String messageId = UUID.randomUUID() + "@provider.example";
        String id = given().header(InboundSecretFilter.HEADER, SECRET)
                .contentType("message/rfc822")
                .body(mail("webhook@example.com", messageId, "Printer on fire", "").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/inbound/mail")
                .then().statusCode(202)
                .body("status", equalTo("PUBLISHED"))
                .body("id", notNullValue())
                .extract().path("id");

        MailReceived published = awaitPublished(messageId);
        assertEquals(id, published.mailId().toString());
        assertEquals("webhook@example.com", published.fromAddress());
        assertEquals("Printer on fire", published.subject());
        assertEquals("http", channelOf(messageId));
    }

    @Test
    void theSameMessagePostedTwiceIsStoredOnceUnderOneId() {
        String messageId = UUID.randomUUID() + "@provider.example";
        byte[] raw = mail("retry@example.com", messageId, "Webhook retried", "").getBytes(StandardCharsets.UTF_8);
        String first = given().header("Authorization", "Bearer " + SECRET).contentType("message/rfc822").body(raw)
                .when().post("/api/inbound/mail").then().statusCode(202).extract().path("id");
        // a provider retrying with HTTP Basic and the generic binary type
        String basic = Base64.getEncoder().encodeToString(("inbound:" + SECRET).getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", "Basic " + basic).contentType("application/octet-stream").body(raw)
                .when().post("/api/inbound/mail")
                .then().statusCode(202).body("id", equalTo(first)).body("status", equalTo("PUBLISHED"));

        awaitPublished(messageId);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> InboundMessage.count("messageId", messageId)));
        assertEquals(1L, KafkaEvents.records(kafka, EventType.MAIL_RECEIVED.topic()).stream()
                .filter(record -> EventJson.read(record.value(), MailReceived.class).messageId().equals(messageId))
                .count());
    }

    @Test
    void aMailAlreadyReceivedBySmtpIsNotStoredAgainOverHttp() {
        String messageId = UUID.randomUUID() + "@both.example";
        byte[] raw = mail("both@example.com", messageId, "Sent by two routes", "").getBytes(StandardCharsets.UTF_8);
        Smtp.send("127.0.0.1", receiver.port(), raw);
        MailReceived bySmtp = awaitPublished(messageId);

        given().header(InboundSecretFilter.HEADER, SECRET).contentType("message/rfc822").body(raw)
                .when().post("/api/inbound/mail")
                .then().statusCode(202).body("id", equalTo(bySmtp.mailId().toString()));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> InboundMessage.count("messageId", messageId)));
    }

    @Test
    void withoutTheSecretNothingIsStored() {
        String messageId = UUID.randomUUID() + "@intruder.example";
        byte[] raw = mail("intruder@example.com", messageId, "Let me in", "").getBytes(StandardCharsets.UTF_8);
        given().contentType("message/rfc822").body(raw)
                .when().post("/api/inbound/mail")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("inbound secret"));
        given().header(InboundSecretFilter.HEADER, SECRET + "x").contentType("message/rfc822").body(raw)
                .when().post("/api/inbound/mail")
                .then().statusCode(401);
        given().header("Authorization", "Bearer not-the-secret").contentType("message/rfc822").body(raw)
                .when().post("/api/inbound/mail")
                .then().statusCode(401);

        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> InboundMessage.count("messageId", messageId)));
    }

    @Test
    void anOversizedMessageIsRefusedWith413() {
        String messageId = UUID.randomUUID() + "@big.example";
        String padding = "x".repeat(76) + "\r\n";
        String huge = mail("big@example.com", messageId, "Huge", padding.repeat(70_000 / padding.length()));
        given().header(InboundSecretFilter.HEADER, SECRET).contentType("message/rfc822")
                .body(huge.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/inbound/mail")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("65536"));

        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> InboundMessage.count("messageId", messageId)));
    }

    @Test
    void anAutoReplyIsStoredButIgnoredAndAMalformedOneQuarantined() {
        String autoReply = "Auto-Submitted: auto-replied\r\n"
                + mail("away@example.com", UUID.randomUUID() + "@example.com", "Out of office", "");
        given().header(InboundSecretFilter.HEADER, SECRET).contentType("message/rfc822")
                .body(autoReply.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/inbound/mail")
                .then().statusCode(202).body("status", equalTo("IGNORED"))
                .body("reason", containsString("auto-submitted"));

        String noSender = "To: support@relaydesk.test\r\nSubject: anonymous " + UUID.randomUUID() + "\r\n\r\nbody\r\n";
        given().header(InboundSecretFilter.HEADER, SECRET).contentType("message/rfc822")
                .body(noSender.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/inbound/mail")
                .then().statusCode(202).body("status", equalTo("QUARANTINED"))
                .body("reason", containsString("No sender"));
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        given().header(InboundSecretFilter.HEADER, SECRET).contentType("message/rfc822").body(new byte[0])
                .when().post("/api/inbound/mail")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** Operators see what became of inbound mail: published, ignored, duplicate, each counted once. */
    @Test
    void whatBecameOfEachMailIsCountedForOperators() {
        double published = mails("published");
        double ignored = mails("ignored");
        double duplicates = mails("duplicate");
        byte[] real = mail("counted@example.com", UUID.randomUUID() + "@example.com", "Counted", "")
                .getBytes(StandardCharsets.UTF_8);
        byte[] autoReply = ("Auto-Submitted: auto-replied\r\n" + mail("away@example.com",
                UUID.randomUUID() + "@example.com", "Out of office", "")).getBytes(StandardCharsets.UTF_8);

        for (byte[] raw : List.of(real, real, autoReply)) {
            given().header(InboundSecretFilter.HEADER, SECRET).contentType("message/rfc822").body(raw)
                    .when().post("/api/inbound/mail").then().statusCode(202);
        }

        assertEquals(published + 1, mails("published"));
        assertEquals(duplicates + 1, mails("duplicate"));
        assertEquals(ignored + 1, mails("ignored"));
    }

    private static double mails(String outcome) {
        return Metrics.value(given().get("/q/metrics").then().statusCode(200).extract().asString(),
                "relaydesk_mails_received_total", "channel", "http", "outcome", outcome);
    }

    private static String mail(String from, String messageId, String subject, String extraBody) {
        return "From: " + from + "\r\nTo: support@relaydesk.test\r\nSubject: " + subject + "\r\nMessage-ID: <"
                + messageId + ">\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHello from " + from + "\r\n"
                + extraBody;
    }

    private MailReceived awaitPublished(String messageId) {
        ConsumerRecord<String, String> record = KafkaEvents.awaitRecord(kafka, EventType.MAIL_RECEIVED.topic(),
                candidate -> EventJson.read(candidate.value(), MailReceived.class).messageId().equals(messageId),
                Duration.ofSeconds(30));
        return EventJson.read(record.value(), MailReceived.class);
    }

    private static String channelOf(String messageId) {
        return QuarkusTransaction.requiringNew().call(() ->
                InboundMessage.<InboundMessage>find("messageId", messageId).firstResult().channel);
    }
}
