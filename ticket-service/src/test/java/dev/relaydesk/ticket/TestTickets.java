package dev.relaydesk.ticket;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.relaydesk.events.EventType;
import dev.relaydesk.events.MailReceived;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.testsupport.KafkaEvents;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Tickets for tests, made the way production makes them: a MailReceived event on the real broker. */
public final class TestTickets {

    private TestTickets() {
    }

    public static String uniqueClient(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** The producer's golden MailReceived, made unique: answering the last of {@code references}, if any. */
    public static MailReceived mail(String from, String messageId, List<String> references, String subject) {
        MailReceived golden = EventFixtures.event(EventType.MAIL_RECEIVED);
        List<String> inReplyTo = references.isEmpty() ? List.of() : List.of(references.get(references.size() - 1));
        return new MailReceived(UUID.randomUUID(), messageId, inReplyTo, references, from, "Test Client",
                golden.recipients(), subject, golden.textBody(), golden.receivedAt());
    }

    /** Mails support as {@code client} and returns the new ticket's id once the API shows it. */
    public static String openByMail(String kafka, String adminToken, String client, String subject) {
        KafkaEvents.publish(kafka, mail(client, UUID.randomUUID() + "@example.com", List.of(), subject),
                UUID.randomUUID().toString());
        return await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(adminToken)
                .queryParam("clientEmail", client).get("/api/tickets").then().extract().jsonPath()
                .getString("[0].id"), found -> found != null);
    }
}
