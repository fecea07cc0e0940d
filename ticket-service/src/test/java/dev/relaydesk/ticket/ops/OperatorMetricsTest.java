package dev.relaydesk.ticket.ops;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.MailReceived;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.Metrics;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.ticket.TestProjects;
import dev.relaydesk.ticket.TestTickets;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** What an operator reads off /q/metrics: tickets created, the outbox's lag, events consumed, consumer lag. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class OperatorMetricsTest {

    private static final String CONSUMER = "ticket-service.mail-intake";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private final String agent = KeycloakTokens.accessToken("agent", "agent");

    @Test
    void aCreatedTicketIsCountedOnceAndItsEventAsRelayed() {
        String project = TestProjects.create(admin, "OM");
        double created = metric("relaydesk_tickets_created_total", "source", "API");
        double relayed = metric("relaydesk_outbox_relayed_total", "topic", "TicketCreated");

        TestProjects.openTicket(agent, project, Map.of("source", "API"));
        given().auth().oauth2(agent).contentType("application/json")
                .body(Map.of("project", project, "title", "", "description", "d", "clientEmail", "x@example.com"))
                .post("/api/tickets").then().statusCode(400);

        assertEquals(created + 1, metric("relaydesk_tickets_created_total", "source", "API"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> metric("relaydesk_outbox_relayed_total", "topic", "TicketCreated") >= relayed + 1);
        String scrape = scrape();
        assertTrue(Metrics.has(scrape, "relaydesk_outbox_pending"), "outbox backlog gauge");
        assertTrue(Metrics.has(scrape, "relaydesk_outbox_oldest_age_seconds"), "outbox age gauge");
    }

    @Test
    void aRedeliveredEventIsCountedAsADuplicateNotProcessedTwice() {
        double processed = metric("relaydesk_events_consumed_total", "consumer", CONSUMER, "outcome", "processed");
        double duplicates = metric("relaydesk_events_consumed_total", "consumer", CONSUMER, "outcome", "duplicate");
        MailReceived mail = TestTickets.mail(TestTickets.uniqueClient("metrics"), UUID.randomUUID() + "@example.com",
                List.of(), "Counted once");
        String eventId = UUID.randomUUID().toString();

        KafkaEvents.publish(kafka, mail, eventId);
        KafkaEvents.publish(kafka, mail, eventId);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                metric("relaydesk_events_consumed_total", "consumer", CONSUMER, "outcome", "duplicate") >= duplicates + 1);
        assertEquals(processed + 1, metric("relaydesk_events_consumed_total", "consumer", CONSUMER, "outcome", "processed"));
        assertTrue(Metrics.has(scrape(), "kafka_consumer_fetch_manager_records_lag_max"), "consumer lag from Kafka's client");
    }

    private static double metric(String name, String... labels) {
        return Metrics.value(scrape(), name, labels);
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
