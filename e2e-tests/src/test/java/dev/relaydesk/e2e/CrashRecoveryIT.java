package dev.relaydesk.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.EventType;
import dev.relaydesk.localstack.Endpoints;
import dev.relaydesk.localstack.Stack;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.Mailboxes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * ticket-service is killed (SIGKILL) in the middle of a burst of ticket creations, while its outbox relay is
 * publishing, and started again. Every ticket whose creation was answered 201 exists, every ticket that
 * exists reaches Kafka, and the client of each gets exactly one confirmation mail: nothing lost, and the
 * re-sent events have no double effect.
 */
class CrashRecoveryIT {

    @Test
    void killingTicketServiceDuringABurstLosesNothingAndDoublesNothing() throws Exception {
        Stack stack = E2ePlatform.stack();
        Endpoints endpoints = stack.endpoints();
        String tickets = endpoints.serviceUrl("ticket-service") + "/api/tickets";
        String token = KeycloakTokens.accessToken("agent", "agent");
        String run = UUID.randomUUID().toString().substring(0, 8);

        Set<String> answered = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<String> lastProblem = new AtomicReference<>("none");
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int thread = 0; thread < 4; thread++) {
            clients.submit(() -> {
                while (!stop.get()) {
                    String client = "crash-" + run + "-" + sent.incrementAndGet() + "@example.com";
                    try {
                        var response = given().auth().oauth2(token).contentType("application/json")
                                .body(Map.of("title", "Crash test " + run, "description", "Burst", "clientEmail", client,
                                        "clientName", "Crash Client", "source", "API"))
                                .post(tickets);
                        if (response.statusCode() == 201) {
                            answered.add(client);
                        } else {
                            lastProblem.set(response.statusCode() + " " + response.asString());
                        }
                    } catch (Exception refusedWhileDown) { // RestAssured rethrows IOExceptions unchecked-style
                        // never answered: the ticket may or may not have been committed
                        lastProblem.set(refusedWhileDown.toString());
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertTrue(answered.size() >= 20,
                "tickets created so far: " + answered.size() + "; last problem: " + lastProblem.get()));
        stack.crashAndRestart("ticket-service");
        int answeredBeforeRestart = answered.size();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertTrue(answered.size() >= answeredBeforeRestart + 20,
                "tickets created since the restart: " + (answered.size() - answeredBeforeRestart) + "; last problem: "
                        + lastProblem.get()));
        stop.set(true);
        clients.shutdown();
        assertTrue(clients.awaitTermination(1, TimeUnit.MINUTES));
        assertTrue(answered.size() < sent.get(), "the kill interrupted requests in flight");

        List<Map<String, Object>> created = await().atMost(Duration.ofSeconds(60)).until(
                () -> everyTicketOf(tickets, token, "Crash test " + run),
                found -> found.stream().map(t -> (String) t.get("clientEmail")).collect(Collectors.toSet()).containsAll(answered));
        Set<String> ticketClients = created.stream().map(t -> (String) t.get("clientEmail")).collect(Collectors.toSet());
        assertEquals(created.size(), ticketClients.size(), "one ticket per request, none doubled");

        Set<String> ids = created.stream().map(t -> (String) t.get("id")).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(60)).until(() -> KafkaEvents.records(endpoints.kafkaBootstrap(),
                EventType.TICKET_CREATED.topic()).stream().map(r -> r.key()).collect(Collectors.toSet()).containsAll(ids));
        long records = KafkaEvents.records(endpoints.kafkaBootstrap(), EventType.TICKET_CREATED.topic()).stream()
                .filter(r -> ids.contains(r.key())).count();
        System.out.printf("crash test: %d requests, %d answered 201, %d tickets, %d TicketCreated records (%d re-sent)%n",
                sent.get(), answered.size(), ids.size(), records, records - ids.size());

        for (String client : ticketClients) {
            Mailboxes.awaitMessage(client, mail -> true);
        }
        Thread.sleep(3000); // time for a doubled confirmation, if any, to arrive
        for (String client : ticketClients) {
            assertEquals(1, Mailboxes.messages(client).size(), "exactly one confirmation for " + client);
        }
    }

    /** Every ticket with this title, page by page. */
    private static List<Map<String, Object>> everyTicketOf(String tickets, String token, String title) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token).queryParam("q", "\"" + title + "\"").queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var response = request.get(tickets);
            all.addAll(response.jsonPath().getList("$"));
            String link = response.header("Link");
            cursor = link == null ? null : link.replaceAll(".*[?&]cursor=([^&>]+).*", "$1");
        } while (cursor != null);
        return all;
    }
}
