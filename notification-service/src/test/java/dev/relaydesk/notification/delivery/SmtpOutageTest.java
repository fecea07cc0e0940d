package dev.relaydesk.notification.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relaydesk.events.EventType;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.notification.template.MailKind;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.Metrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The mail server goes down in the middle of a burst and comes back: every mail arrives, each exactly once. */
@QuarkusTest
@WithTestResource(OutageMailServer.class)
class SmtpOutageTest {

    private static final int BURST = 40;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void everyMailOfABurstArrivesOnceThoughTheMailServerWentDownInTheMiddle() {
        List<UUID> tickets = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            tickets.add(UUID.randomUUID());
        }
        tickets.subList(0, BURST / 2).forEach(this::publishClosing);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(tickets, Delivery.Status.SENT) >= 5);

        OutageMailServer.down();
        tickets.subList(BURST / 2, BURST).forEach(this::publishClosing);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(tickets, Delivery.Status.FAILED) >= 5);
        given().auth().oauth2(admin()).get("/api/admin/deliveries?status=failed")
                .then().statusCode(200).body("status", not(empty())).body("status", not(hasItem("sent")));
        OutageMailServer.up();

        // Only this test's deliveries count: the app may also re-read ticket events earlier test classes left on
        // the shared broker after their last committed offset, and mail those too.
        await().atMost(Duration.ofSeconds(120)).until(() -> count(tickets, Delivery.Status.SENT) == BURST);
        List<String> expected = QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("ticketId in ?1", tickets)
                .stream().map(delivery -> "<" + delivery.messageId + ">").toList());
        Map<String, Long> received = OutageMailServer.receivedMessageIds().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(BURST, expected.size(), "one mail per closed ticket");
        for (String messageId : expected) {
            assertEquals(1L, received.getOrDefault(messageId, 0L), messageId + " received exactly once");
        }
        received.forEach((messageId, times) -> assertEquals(1L, times, messageId + " arrived more than once"));

        // the log shows a retried delivery: the failed attempt, then the server's 250
        String retried = given().auth().oauth2(admin()).get("/api/admin/deliveries?status=retried")
                .then().statusCode(200).body("status", hasItem("sent")).extract().path("[0].id");
        given().auth().oauth2(admin()).get("/api/admin/deliveries/" + retried)
                .then().statusCode(200)
                .body("attemptLog[0].outcome", equalTo("failed"))
                .body("attemptLog[0].answer", anyOf(containsString("connect"), containsString("command")))
                .body("attemptLog[-1].outcome", equalTo("sent"))
                .body("attemptLog[-1].answer", containsString("250"));
        given().auth().oauth2(admin()).get("/api/admin/deliveries?status=lost")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("status"));

        // What an operator's dashboard shows, since this app started with its own database: each mail sent
        // counted once, and each failed attempt counted as a retry.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertEquals((double) QuarkusTransaction.requiringNew().call(() -> Delivery.count("kind = ?1 and status = ?2",
                    MailKind.TICKET_CLOSED, Delivery.Status.SENT)),
                    Metrics.value(scrape, "relaydesk_notifications_total", "kind", "ticket_closed", "outcome", "sent"),
                    "sent counter");
            assertEquals((double) QuarkusTransaction.requiringNew().call(() -> DeliveryAttempt.count("outcome",
                    DeliveryAttempt.Outcome.FAILED)), Metrics.value(scrape, "relaydesk_notifications_total", "outcome", "retry")
                    + Metrics.value(scrape, "relaydesk_notifications_total", "outcome", "given_up"), "failed attempts counted");
        });
    }

    private void publishClosing(UUID ticketId) {
        TicketSnapshot g = ((TicketClosed) EventFixtures.event(EventType.TICKET_CLOSED)).ticket();
        TicketSnapshot ticket = new TicketSnapshot(ticketId, "OUT-" + ticketId.toString().substring(0, 4), "OUT", "Outage",
                g.projectAddress(), g.type(), g.title(), "burst-" + ticketId.toString().substring(0, 8) + "@example.com",
                "Jane Doe", g.status(), g.stage(), g.threadMessageId(), g.priority(), null, List.of());
        KafkaEvents.publish(kafka, new TicketClosed(ticket, 2, NoteAuthor.AGENT, "agent", Instant.now()),
                UUID.randomUUID().toString());
    }

    private static long count(List<UUID> tickets, Delivery.Status status) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.count("ticketId in ?1 and status = ?2", tickets, status));
    }

    private static String admin() {
        return KeycloakTokens.accessToken("admin", "admin");
    }
}
