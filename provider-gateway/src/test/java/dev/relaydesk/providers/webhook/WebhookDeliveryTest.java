package dev.relaydesk.providers.webhook;

import static dev.relaydesk.providers.webhook.AdminApi.adminToken;
import static dev.relaydesk.providers.webhook.AdminApi.createId;
import static dev.relaydesk.providers.webhook.AdminApi.deliveries;
import static dev.relaydesk.providers.webhook.AdminApi.webhook;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaydesk.events.EventType;
import dev.relaydesk.providers.signing.WebhookSignature;
import dev.relaydesk.providers.webhook.WebhookReceiver.Endpoint;
import dev.relaydesk.providers.webhook.WebhookReceiver.Received;
import dev.relaydesk.sampleprovider.SampleProvider;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.Metrics;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ticket events from the real broker reach a real HTTP receiver started here (on loopback, which the test
 * profile allow-lists), signed, retried, in order, or dead-lettered. The test profile allows 3 attempts.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebhookReceiver receiver;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void aSubscribedEventArrivesOnceSignedWithTheGeneratedSecretAndIsLogged() throws Exception {
        String project = TestEvents.uniqueProject();
        // the receiver learns the secret from the create answer, as an admin would configure it
        Map<String, Object> created = AdminApi.create(webhook("http://127.0.0.1:1/placeholder", null,
                List.of("TicketCreated"), project)).statusCode(201).extract().as(Map.class);
        String secret = (String) created.get("generatedSecret");
        Endpoint endpoint = receiver.endpoint(secret);
        String id = (String) created.get("id");
        given().auth().oauth2(adminToken()).contentType("application/json")
                .body(webhook(receiver.url(endpoint), null, List.of("TicketCreated"), project))
                .when().put("/api/admin/webhooks/" + id).then().statusCode(200);
        UUID ticket = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();

        var event = TestEvents.of(EventType.TICKET_CREATED, ticket, 0, project);
        KafkaEvents.publish(kafka, event, eventId);
        KafkaEvents.publish(kafka, event, eventId); // redelivered by Kafka: still one webhook

        await().atMost(WAIT).until(() -> !endpoint.received.isEmpty());
        Received received = endpoint.received.get(0);
        assertTrue(received.signatureVerified(), "the receiver verified the signature with the generated secret");
        assertEquals(eventId, received.webhookId());
        JsonNode body = JSON.readTree(received.body());
        assertEquals("TicketCreated", body.get("type").asText());
        assertEquals(eventId, body.get("id").asText());
        assertNotNull(body.get("timestamp").asText());
        assertEquals(ticket.toString(), body.get("data").get("ticketId").asText());
        assertEquals("Printer on floor 3 prints blank pages", body.get("data").get("title").asText());

        await().atMost(WAIT).until(() -> "DELIVERED".equals(deliveries(id).get(0).get("status")));
        KafkaEvents.awaitConsumed(kafka, "provider-gateway", "TicketCreated");
        List<Map<String, Object>> log = deliveries(id);
        assertEquals(1, log.size(), "one delivery for one event id");
        assertEquals(1, endpoint.received.size());
        assertEquals(1, log.get(0).get("attempts"));
        assertEquals(200, log.get(0).get("lastStatusCode"));
        assertNotNull(log.get(0).get("lastLatencyMs"));
    }

    @Test
    void theSampleProvidersOwnVerifierAcceptsRealDeliveries() throws Exception {
        String project = TestEvents.uniqueProject();
        String secret = WebhookSignature.newSecret();
        try (SampleProvider sample = SampleProvider.start(0, secret, true)) {
            String id = createId(webhook("http://127.0.0.1:" + sample.port() + "/events", secret,
                    List.of("TicketCreated", "NoteAdded"), project));
            UUID ticket = UUID.randomUUID();

            KafkaEvents.publish(kafka, TestEvents.of(EventType.TICKET_CREATED, ticket, 0, project), UUID.randomUUID().toString());
            KafkaEvents.publish(kafka, TestEvents.of(EventType.NOTE_ADDED, ticket, 1, project), UUID.randomUUID().toString());

            await().atMost(WAIT).until(() -> deliveries(id).size() == 2
                    && deliveries(id).stream().allMatch(d -> "DELIVERED".equals(d.get("status"))));
            String stats = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + sample.port() + "/stats")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertEquals("{\"received\":2,\"duplicates\":0,\"rejected\":0}", stats);
        }
    }

    @Test
    void aFailingReceiverGetsTheEventAgainUntilItAccepts() {
        String project = TestEvents.uniqueProject();
        String secret = WebhookSignature.newSecret();
        Endpoint endpoint = receiver.endpoint(secret).answering(500, 500);
        String id = createId(webhook(receiver.url(endpoint), secret, List.of("NoteAdded"), project));
        String eventId = UUID.randomUUID().toString();
        double retried = attempts("pending");
        double delivered = attempts("delivered");

        KafkaEvents.publish(kafka, TestEvents.of(EventType.NOTE_ADDED, UUID.randomUUID(), 1, project), eventId);

        await().atMost(WAIT).until(() -> !deliveries(id).isEmpty() && "DELIVERED".equals(deliveries(id).get(0).get("status")));
        Map<String, Object> delivery = deliveries(id).get(0);
        assertEquals(3, delivery.get("attempts"));
        assertTrue(attempts("pending") >= retried + 2, "operators see the failed attempts that will be retried");
        assertTrue(attempts("delivered") >= delivered + 1, "and the delivery");
        assertEquals(200, delivery.get("lastStatusCode"));
        assertEquals(List.of(500, 500, 200), endpoint.received.stream().map(Received::answeredStatus).toList());
        assertTrue(endpoint.received.stream().allMatch(r -> eventId.equals(r.webhookId())),
                "every attempt carries the same webhook-id, so the receiver can drop repeats");
    }

    @Test
    void aReceiverThatKeepsFailingIsDeadLetteredAndCanBeRedelivered() {
        String project = TestEvents.uniqueProject();
        String secret = WebhookSignature.newSecret();
        Endpoint endpoint = receiver.endpoint(secret).answeringAlways(500);
        String id = createId(webhook(receiver.url(endpoint), secret, List.of("TicketClosed"), project));

        KafkaEvents.publish(kafka, TestEvents.of(EventType.TICKET_CLOSED, UUID.randomUUID(), 4, project),
                UUID.randomUUID().toString());

        double givenUp = attempts("dead");
        await().atMost(WAIT).until(() -> !deliveries(id).isEmpty() && "DEAD".equals(deliveries(id).get(0).get("status")));
        Map<String, Object> dead = deliveries(id).get(0);
        assertTrue(attempts("dead") >= givenUp + 1, "operators see the dead letter");
        assertEquals(3, dead.get("attempts"));
        assertEquals(500, dead.get("lastStatusCode"));
        assertEquals("HTTP 500: status 500", dead.get("lastError"));
        assertEquals(3, endpoint.received.size(), "no attempt after the dead-letter");
        given().auth().oauth2(adminToken()).queryParam("status", "DEAD")
                .when().get("/api/admin/webhooks/" + id + "/deliveries")
                .then().statusCode(200).body("size()", org.hamcrest.Matchers.is(1));

        endpoint.answeringAlways(200);
        given().auth().oauth2(adminToken())
                .when().post("/api/admin/webhooks/" + id + "/deliveries/" + dead.get("id") + "/redeliver")
                .then().statusCode(202).body("status", org.hamcrest.Matchers.is("PENDING"));

        await().atMost(WAIT).until(() -> "DELIVERED".equals(deliveries(id).get(0).get("status")));
        assertEquals(4, endpoint.received.size());
        assertEquals(1, deliveries(id).get(0).get("attempts"), "a redelivery starts a fresh count");
    }

    @Test
    void aReceiverThatAnswersTooLateIsCutOffAtTheTimeoutAndRetried() {
        String project = TestEvents.uniqueProject();
        String secret = WebhookSignature.newSecret();
        Endpoint endpoint = receiver.endpoint(secret).answeringAfter(3_000); // the test profile waits 2 s
        String id = createId(webhook(receiver.url(endpoint), secret, List.of("TicketClosed"), project));

        KafkaEvents.publish(kafka, TestEvents.of(EventType.TICKET_CLOSED, UUID.randomUUID(), 3, project),
                UUID.randomUUID().toString());

        double givenUp = attempts("dead");
        await().atMost(WAIT).until(() -> !deliveries(id).isEmpty() && "DEAD".equals(deliveries(id).get(0).get("status")));
        Map<String, Object> dead = deliveries(id).get(0);
        assertTrue(attempts("dead") >= givenUp + 1, "operators see the dead letter");
        assertEquals(3, dead.get("attempts"));
        assertEquals("no answer within 2000 ms", dead.get("lastError"));
        assertEquals(null, dead.get("lastStatusCode"), "cut off before the receiver answered (it would have said 200)");
    }

    @Test
    void aReceiverWhoseSecretDiffersRejectsTheSignatureAndTheLogShowsIt() {
        String project = TestEvents.uniqueProject();
        Endpoint endpoint = receiver.endpoint(WebhookSignature.newSecret());
        String id = createId(webhook(receiver.url(endpoint), WebhookSignature.newSecret(), List.of("TicketReopened"), project));

        KafkaEvents.publish(kafka, TestEvents.of(EventType.TICKET_REOPENED, UUID.randomUUID(), 5, project),
                UUID.randomUUID().toString());

        await().atMost(WAIT).until(() -> !deliveries(id).isEmpty() && "DEAD".equals(deliveries(id).get(0).get("status")));
        assertEquals(401, deliveries(id).get(0).get("lastStatusCode"));
        assertTrue(endpoint.received.stream().noneMatch(Received::signatureVerified));
    }

    @Test
    void aSubscriptionToTicketLinkedReceivesTheLinkSignedWithBothNumbers() throws Exception {
        String project = TestEvents.uniqueProject();
        String secret = WebhookSignature.newSecret();
        Endpoint endpoint = receiver.endpoint(secret);
        String id = createId(webhook(receiver.url(endpoint), secret, List.of("TicketLinked"), project));

        KafkaEvents.publish(kafka, TestEvents.of(EventType.TICKET_LINKED, UUID.randomUUID(), 0, project),
                UUID.randomUUID().toString());

        await().atMost(WAIT).until(() -> !deliveries(id).isEmpty() && "DELIVERED".equals(deliveries(id).get(0).get("status")));
        Received received = endpoint.received.get(0);
        assertTrue(received.signatureVerified());
        com.fasterxml.jackson.databind.JsonNode body = JSON.readTree(received.body());
        assertEquals("TicketLinked", body.get("type").asText());
        assertEquals("SUP-42", body.at("/data/linkedNumber").asText());
        assertEquals("FOLLOW_UP", body.at("/data/linkKind").asText());
    }

    @Test
    void eventsOfOneTicketArriveInOrderEvenWhenTheFirstNeedsRetries() throws Exception {
        String project = TestEvents.uniqueProject();
        String secret = WebhookSignature.newSecret();
        Endpoint endpoint = receiver.endpoint(secret).answering(500, 500);
        String id = createId(webhook(receiver.url(endpoint), secret,
                List.of("TicketCreated", "NoteAdded", "TicketStageChanged"), project));
        UUID ticket = UUID.randomUUID();

        KafkaEvents.publish(kafka, TestEvents.of(EventType.TICKET_CREATED, ticket, 0, project), UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, TestEvents.of(EventType.NOTE_ADDED, ticket, 1, project), UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, TestEvents.of(EventType.TICKET_STAGE_CHANGED, ticket, 2, project), UUID.randomUUID().toString());

        await().atMost(WAIT).until(() -> deliveries(id).size() == 3
                && deliveries(id).stream().allMatch(d -> "DELIVERED".equals(d.get("status"))));
        List<String> typesInArrivalOrder = new java.util.ArrayList<>();
        for (Received received : endpoint.received) {
            typesInArrivalOrder.add(JSON.readTree(received.body()).get("type").asText());
        }
        assertEquals(List.of("TicketCreated", "TicketCreated", "TicketCreated", "NoteAdded", "TicketStageChanged"),
                typesInArrivalOrder, "later events of the ticket waited for the first to get through");
    }

    @Test
    void onlyTheSubscribedTypesOfTheSubscribedProjectAreSent() throws Exception {
        String project = TestEvents.uniqueProject();
        String otherProject = TestEvents.uniqueProject();
        String secret = WebhookSignature.newSecret();
        Endpoint endpoint = receiver.endpoint(secret);
        String id = createId(webhook(receiver.url(endpoint), secret, List.of("NoteAdded"), project));
        UUID ticket = UUID.randomUUID();
        String wanted = UUID.randomUUID().toString();

        KafkaEvents.publish(kafka, TestEvents.of(EventType.TICKET_CREATED, ticket, 0, project), UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, TestEvents.of(EventType.NOTE_ADDED, UUID.randomUUID(), 1, otherProject), UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, TestEvents.of(EventType.NOTE_ADDED, ticket, 1, project), wanted);

        KafkaEvents.awaitConsumed(kafka, "provider-gateway", "TicketCreated");
        KafkaEvents.awaitConsumed(kafka, "provider-gateway", "NoteAdded");
        await().atMost(WAIT).until(() -> !endpoint.received.isEmpty());
        Thread.sleep(500); // a few dispatcher rounds, in case anything else were (wrongly) queued
        assertEquals(List.of(wanted), endpoint.received.stream().map(Received::webhookId).toList());
        assertEquals(1, deliveries(id).size());
    }

    private static double attempts(String outcome) {
        return Metrics.value(given().get("/q/metrics").then().statusCode(200).extract().asString(),
                "relaydesk_webhooks_attempts_total", "outcome", outcome);
    }
}
