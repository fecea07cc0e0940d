package dev.relaydesk.identity.directory;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.ClientRegistered;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.events.TicketStatus;
import dev.relaydesk.events.TicketUpdated;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Admins list their clients, built from the ticket events and registrations on the real broker. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class ClientDirectoryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private final String marker = "d" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anAdminSeesEachClientOnceWithTicketCountsOrganizationAndRegistration() {
        String ana = marker + "-ana@example.com";
        String bo = marker + "-bo@example.com";
        UUID first = UUID.randomUUID();
        TicketCreated anaFirst = created(first, ana, "Ana Lima", null);
        String replayedId = UUID.randomUUID().toString();
        KafkaEvents.publish(kafka, anaFirst, replayedId);
        KafkaEvents.publish(kafka, anaFirst, replayedId);
        KafkaEvents.publish(kafka, created(UUID.randomUUID(), ana, "Ana Lima", "Acme"), UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, closed(first, ana, 3), UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, created(UUID.randomUUID(), bo, "Bo Chen", null), UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, new ClientRegistered(ana.toUpperCase(), "Ana Lima", Instant.now()),
                UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> list(Map.of("q", marker)).then()
                .body("email", contains(ana, bo))
                .body("[0].tickets", equalTo(2)).body("[0].openTickets", equalTo(1))
                .body("[0].registered", equalTo(true)).body("[0].organization", equalTo("Acme"))
                .body("[0].name", equalTo("Ana Lima"))
                .body("[1].tickets", equalTo(1)).body("[1].openTickets", equalTo(1))
                .body("[1].registered", equalTo(false)).body("[1].name", equalTo("Bo Chen")));

        // an older change of the closed ticket arriving late (it travels on another topic) must not reopen it
        KafkaEvents.awaitConsumed(kafka, "identity-service", EventType.TICKET_CLOSED.topic());
        KafkaEvents.publish(kafka, updated(first, ana, 2), UUID.randomUUID().toString());
        KafkaEvents.awaitConsumed(kafka, "identity-service", EventType.TICKET_UPDATED.topic());
        list(Map.of("q", ana)).then().body("[0].tickets", equalTo(2)).body("[0].openTickets", equalTo(1));
    }

    @Test
    void adminsFilterBySearchTextAndRegistrationAndPageByAddress() {
        String registered = marker + "-reg@example.com";
        KafkaEvents.publish(kafka, created(UUID.randomUUID(), marker + "-a@example.com", "Alpha", "Globex"),
                UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, created(UUID.randomUUID(), marker + "-b@example.com", "Beta", null),
                UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, created(UUID.randomUUID(), registered, "Reggie", null), UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, new ClientRegistered(registered, "Reggie", Instant.now()), UUID.randomUUID().toString());
        awaitClients(3);
        await().atMost(Duration.ofSeconds(30)).until(
                () -> list(Map.of("q", marker, "registered", "true")).jsonPath().getList("email"),
                emails -> emails.equals(List.of(registered)));

        assertEquals(List.of(marker + "-a@example.com", marker + "-b@example.com"),
                list(Map.of("q", marker, "registered", "false")).jsonPath().getList("email"));
        assertEquals(List.of(marker + "-a@example.com"), list(Map.of("q", "GLOBEX")).jsonPath().getList("email")
                .stream().filter(email -> email.toString().startsWith(marker)).toList());

        Response firstPage = list(Map.of("q", marker, "limit", "2"));
        assertEquals(List.of(marker + "-a@example.com", marker + "-b@example.com"), firstPage.jsonPath().getList("email"));
        String next = firstPage.getHeader("Link");
        assertTrue(next.contains("rel=\"next\""), next);
        String nextUrl = next.substring(next.indexOf('<') + 1, next.indexOf('>'));
        Response secondPage = given().auth().oauth2(admin).urlEncodingEnabled(false).get(nextUrl);
        assertEquals(List.of(registered), secondPage.then().statusCode(200).extract().jsonPath().getList("email"));
        assertNull(secondPage.getHeader("Link"));
    }

    @Test
    void aTicketGivenToAnotherClientMovesToThatClientsCount() {
        String first = marker + "-first@example.com";
        String second = marker + "-second@example.com";
        UUID moved = UUID.randomUUID();
        KafkaEvents.publish(kafka, created(moved, first, "First", null), UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, created(UUID.randomUUID(), second, "Second", null), UUID.randomUUID().toString());
        awaitClients(2);

        KafkaEvents.publish(kafka, updated(moved, second, 2), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> list(Map.of("q", marker)).then()
                .body("email", contains(second)).body("[0].tickets", equalTo(2)).body("[0].openTickets", equalTo(2)));
    }

    @Test
    void onlyAdminsSeeTheClientList() {
        given().get("/api/admin/clients").then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.accessToken("agent", "agent")).get("/api/admin/clients")
                .then().statusCode(403);
        given().auth().oauth2(admin).queryParam("limit", 0).get("/api/admin/clients")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("invalid"));
    }

    private void awaitClients(int count) {
        await().atMost(Duration.ofSeconds(30)).until(
                () -> list(Map.of("q", marker)).jsonPath().<Map<String, Object>>getList("$"),
                clients -> clients.size() == count);
    }

    private Response list(Map<String, String> query) {
        return given().auth().oauth2(admin).queryParams(query).get("/api/admin/clients")
                .then().statusCode(200).extract().response();
    }

    private static TicketCreated created(UUID ticketId, String email, String name, String organization) {
        TicketCreated golden = EventFixtures.event(EventType.TICKET_CREATED);
        return new TicketCreated(ticketId, 1, golden.number(), golden.projectKey(), golden.projectName(),
                golden.projectAddress(), golden.title(), golden.description(), email, name, TicketStatus.OPEN,
                golden.stage(), golden.source(), golden.threadMessageId(), Instant.now(), golden.type(),
                golden.priority(), organization, List.of());
    }

    private static TicketSnapshot snapshot(UUID ticketId, String email, TicketStatus status) {
        TicketCreated golden = EventFixtures.event(EventType.TICKET_CREATED);
        return new TicketSnapshot(ticketId, golden.number(), golden.projectKey(), golden.projectName(),
                golden.projectAddress(), golden.type(), golden.title(), email, "Ana Lima", status, golden.stage(),
                golden.threadMessageId(), golden.priority(), null, List.of());
    }

    private static TicketClosed closed(UUID ticketId, String email, long version) {
        return new TicketClosed(snapshot(ticketId, email, TicketStatus.CLOSED), version, NoteAuthor.AGENT, "agent",
                Instant.now());
    }

    private static TicketUpdated updated(UUID ticketId, String email, long version) {
        return new TicketUpdated(snapshot(ticketId, email, TicketStatus.OPEN), version, List.of(), "agent",
                Instant.now().minusSeconds(5));
    }
}
