package dev.relaydesk.mailingest.quarantine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.MailReceived;
import dev.relaydesk.mailingest.http.InboundSecretFilter;
import dev.relaydesk.mailingest.inbound.InboundMessage;
import dev.relaydesk.mailingest.inbound.InboundMessage.Status;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The admins' quarantine API, with real Keycloak tokens, over messages that really went through intake. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class QuarantineResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aMalformedMessageIsListedWithItsRawBytesAndStaysQuarantinedOnReplay() {
        String subject = "Nobody sent this " + UUID.randomUUID();
        byte[] raw = ("To: support@relaydesk.test\r\nSubject: " + subject + "\r\n\r\nwho am I?\r\n")
                .getBytes(StandardCharsets.UTF_8);
        String id = given().header(InboundSecretFilter.HEADER, "test-inbound-secret").contentType("message/rfc822")
                .body(raw).when().post("/api/inbound/mail")
                .then().statusCode(202).body("status", equalTo("QUARANTINED")).extract().path("id");
        String admin = KeycloakTokens.bearer("admin", "admin");

        Map<String, Object> listed = listed(admin, id);
        assertEquals(subject, listed.get("subject"));
        assertEquals(raw.length, listed.get("size"));
        assertEquals("http", listed.get("channel"));
        assertEquals("No sender address (From) in the message", listed.get("reason"));

        byte[] fetched = given().header("Authorization", admin)
                .when().get("/api/admin/quarantine/{id}/raw", id)
                .then().statusCode(200).contentType("message/rfc822").extract().asByteArray();
        assertArrayEquals(raw, fetched);

        given().header("Authorization", admin)
                .when().post("/api/admin/quarantine/{id}/replay", id)
                .then().statusCode(200)
                .body("status", equalTo("QUARANTINED"))
                .body("reason", containsString("No sender"));
        assertEquals(subject, listed(admin, id).get("subject"));
    }

    @Test
    void aMessageReplayedAfterAParserFixIsPublishedExactlyOnce() {
        // As if quarantined by an older parser that failed on it: the current one reads it fine.
        String messageId = UUID.randomUUID() + "@fixed.example";
        UUID id = quarantined("From: Fiona Fix <fiona@example.com>\r\nTo: support@relaydesk.test\r\n"
                + "Subject: =?ISO-8859-1?Q?R=E9par=E9?=\r\nMessage-ID: <" + messageId + ">\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nIt works now.\r\n");
        String admin = KeycloakTokens.bearer("admin", "admin");
        assertEquals("Réparé", listed(admin, id.toString()).get("subject"));

        for (int attempt = 0; attempt < 2; attempt++) {
            given().header("Authorization", admin)
                    .when().post("/api/admin/quarantine/{id}/replay", id)
                    .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("id", equalTo(id.toString()));
        }

        MailReceived published = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.MAIL_RECEIVED.topic(),
                record -> EventJson.read(record.value(), MailReceived.class).messageId().equals(messageId),
                Duration.ofSeconds(30)).value(), MailReceived.class);
        assertEquals(id, published.mailId());
        assertEquals("Réparé", published.subject());
        assertEquals(1, KafkaEvents.records(kafka, EventType.MAIL_RECEIVED.topic()).stream()
                .filter(record -> EventJson.read(record.value(), MailReceived.class).messageId().equals(messageId))
                .count());
        assertEquals(Status.PUBLISHED, QuarkusTransaction.requiringNew().call(() ->
                InboundMessage.<InboundMessage>findById(id).status));
        assertFalse(page(admin).getList("items.id").contains(id.toString()), "no longer in quarantine");
    }

    @Test
    void onlyAdminsSeeTheQuarantine() {
        UUID id = quarantined("Subject: for admins only\r\n\r\nx\r\n");
        String agent = KeycloakTokens.bearer("agent", "agent");

        given().header("Authorization", agent).when().get("/api/admin/quarantine").then().statusCode(403);
        given().header("Authorization", agent).when().get("/api/admin/quarantine/{id}/raw", id).then().statusCode(403);
        given().header("Authorization", agent).when().post("/api/admin/quarantine/{id}/replay", id).then().statusCode(403);
        given().when().get("/api/admin/quarantine").then().statusCode(401);
    }

    @Test
    void unknownIdsAndBadPagesAreProblems() {
        String admin = KeycloakTokens.bearer("admin", "admin");
        given().header("Authorization", admin).when().post("/api/admin/quarantine/{id}/replay", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", admin).queryParam("size", 1000).when().get("/api/admin/quarantine")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
    }

    private static Map<String, Object> listed(String admin, String id) {
        List<Map<String, Object>> items = page(admin).getList("items");
        return items.stream().filter(item -> id.equals(item.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in the quarantine list"));
    }

    private static JsonPath page(String admin) {
        return given().header("Authorization", admin).queryParam("size", 100)
                .when().get("/api/admin/quarantine")
                .then().statusCode(200).extract().jsonPath();
    }

    private static UUID quarantined(String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        return QuarkusTransaction.requiringNew().call(() -> {
            InboundMessage message = new InboundMessage();
            message.id = UUID.randomUUID();
            message.sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            message.raw = bytes;
            message.envelopeRecipients = "support@relaydesk.test";
            message.channel = "smtp";
            message.status = Status.QUARANTINED;
            message.reason = "Malformed message: failed in an older parser";
            message.receivedAt = Instant.now();
            message.persist();
            return message.id;
        });
    }
}
