package dev.relaydesk.ticket.live;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.ticket.TestTickets;
import dev.relaydesk.ticket.WebLogin;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live event streams of the ticket page and the board, read as a browser reads them (logged in through
 * Keycloak, web session cookie), fed by the real broker.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class LiveUpdatesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "relaydesk.internal.api-key")
    String internalKey;

    @TestHTTPResource("/")
    URL root;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private String base;

    @BeforeEach
    void base() {
        base = "http://127.0.0.1:" + root.getPort();
    }

    @Test
    void aClientNoteReachesTheOpenTicketPageOnceEscaped() {
        String client = TestTickets.uniqueClient("live");
        String id = TestTickets.openByMail(kafka, admin, client, "Router blinks red");
        HttpClient agent = WebLogin.logIn(base, "agent", "agent");

        try (LiveStream page = LiveStream.open(agent, base + "/ui/tickets/" + id + "/live?since=" + version(id))) {
            assertEquals(200, page.status());
            await().atMost(WAIT).until(() -> page.received().contains("watching"));

            clientWrites(id, client, "It blinks <b>twice</b> now");

            await().atMost(WAIT).until(() -> page.dataLinesContaining("twice") == 1);
            assertEquals(1, page.eventsNamed("note"), page.received());
            assertTrue(page.received().contains("It blinks &lt;b&gt;twice&lt;/b&gt; now"), page.received());

            // The broker may deliver the same record again, and a late record of an older version: neither shows.
            ConsumerRecord<String, String> record = KafkaEvents.awaitRecord(kafka, EventType.NOTE_ADDED.topic(),
                    r -> r.key().equals(id));
            NoteAdded published = EventJson.read(record.value(), NoteAdded.class);
            KafkaEvents.publish(kafka, published, KafkaEvents.header(record, "ce_id"));
            KafkaEvents.publish(kafka, withBody(published, published.version() - 1, "An older note (stale)"),
                    UUID.randomUUID().toString());
            clientWrites(id, client, "Now it is green again");
            await().atMost(WAIT).until(() -> page.dataLinesContaining("green again") == 1);
            assertEquals(1, page.dataLinesContaining("twice"), page.received());
            assertEquals(0, page.dataLinesContaining("(stale)"), page.received());
        }
    }

    @Test
    void aBoardHearsOnlyOfTicketsOfTypesTheAgentMayManage() {
        String hidden = TestTickets.openByMail(kafka, admin, TestTickets.uniqueClient("hidden"), "Salary question 4471");
        String visible = TestTickets.openByMail(kafka, admin, TestTickets.uniqueClient("shown"), "Printer jam");
        moveToATypeNobodyManages(UUID.fromString(hidden));

        try (LiveStream agentBoard = LiveStream.open(WebLogin.logIn(base, "agent", "agent"), base + "/ui/board/SUP/live");
                LiveStream adminBoard = LiveStream.open(WebLogin.logIn(base, "admin", "admin"), base + "/ui/board/SUP/live")) {
            await().atMost(WAIT).until(() -> agentBoard.received().contains("watching")
                    && adminBoard.received().contains("watching"));

            moveAsAdmin(hidden, "In progress");
            await().atMost(WAIT).until(() -> adminBoard.dataLinesContaining(card(hidden)) > 0);
            // Every watcher is told of an event in one pass, so the agent's stream has its answer for the hidden
            // ticket before anything about the visible one.
            moveAsAdmin(visible, "In progress");
            await().atMost(WAIT).until(() -> agentBoard.dataLinesContaining(card(visible)) > 0);

            assertTrue(agentBoard.received().contains("\"stage\":\"In progress\""));
            assertEquals(0, agentBoard.dataLinesContaining(card(hidden)), agentBoard.received());
        }
    }

    @Test
    void anAgentCannotListenToATicketTheyMayNotSee() {
        String hidden = TestTickets.openByMail(kafka, admin, TestTickets.uniqueClient("nolisten"), "Payroll 9911");
        moveToATypeNobodyManages(UUID.fromString(hidden));
        try (LiveStream page = LiveStream.open(WebLogin.logIn(base, "agent", "agent"), base + "/ui/tickets/" + hidden + "/live")) {
            assertEquals(404, page.status());
        }
    }

    private void clientWrites(String id, String client, String body) {
        given().header("X-Relaydesk-Internal-Key", internalKey).contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID(), "clientEmail", client, "body", body))
                .post("/internal/tickets/{id}/client/notes", id).then().statusCode(200);
    }

    private void moveAsAdmin(String id, String stage) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("stage", stage, "version", version(id)))
                .put("/api/tickets/{id}/stage", id).then().statusCode(200);
    }

    private long version(String id) {
        return given().auth().oauth2(admin).get("/api/tickets/{id}", id).then().statusCode(200)
                .extract().jsonPath().getLong("ticket.version");
    }

    private static NoteAdded withBody(NoteAdded note, long version, String body) {
        return new NoteAdded(note.ticketId(), version, UUID.randomUUID(), note.number(), note.projectKey(),
                note.projectAddress(), note.title(), note.clientEmail(), note.clientName(), note.status(),
                note.authorType(), note.authorName(), body, note.publicNote(), false, note.threadMessageId(),
                note.createdAt());
    }

    /** How the board's messages name a ticket's card. */
    private static String card(String id) {
        return "\"number\":\"" + number(id) + "\"";
    }

    static String number(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) Panache.getEntityManager()
                .createNativeQuery("select p.key || '-' || t.number from ticket t join project p on p.id = t.project_id"
                        + " where t.id = :id").setParameter("id", UUID.fromString(id)).getSingleResult());
    }

    static void moveToATypeNobodyManages(UUID ticketId) {
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Panache.getEntityManager();
            em.createNativeQuery("insert into ticket_type (id, project_id, name) select"
                    + " '00000000-0000-0000-0002-0000000000fe', project_id, 'Payroll' from ticket where id = :id"
                    + " on conflict do nothing").setParameter("id", ticketId).executeUpdate();
            em.createNativeQuery("update ticket set type_id = '00000000-0000-0000-0002-0000000000fe' where id = :id")
                    .setParameter("id", ticketId).executeUpdate();
        });
    }
}
