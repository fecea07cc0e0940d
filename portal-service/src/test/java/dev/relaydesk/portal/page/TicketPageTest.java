package dev.relaydesk.portal.page;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relaydesk.events.EventType;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.events.TicketStatus;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The page a client's link opens, fed by real ticket events and real link minting. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class TicketPageTest {

    private static final String KEY_HEADER = "X-Relaydesk-Internal-Key";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "relaydesk.internal.api-key")
    String internalKey;

    @Test
    void aLinkShowsItsTicketWithThePublicConversationOnly() {
        TicketCreated ticket = ticket("Screen flickers");
        KafkaEvents.publish(kafka, ticket, UUID.randomUUID().toString());
        NoteAdded answer = note(ticket, 1, NoteAuthor.AGENT, "Please update the driver.", true);
        String answerEvent = UUID.randomUUID().toString();
        KafkaEvents.publish(kafka, answer, answerEvent);
        KafkaEvents.publish(kafka, answer, answerEvent);
        KafkaEvents.publish(kafka, note(ticket, 2, NoteAuthor.AGENT, "Internal: client is on the old plan", false),
                UUID.randomUUID().toString());
        String path = pathOf(mint(ticket));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(path).then()
                .statusCode(200)
                .body(containsString("Screen flickers"))
                .body(containsString(ticket.description()))
                .body(containsString("Please update the driver."))
                .body(containsString("Open")));
        KafkaEvents.awaitConsumed(kafka, "portal-service", EventType.NOTE_ADDED.topic());
        String page = given().get(path).then().statusCode(200).extract().asString();
        assertEquals(1, page.split("Please update the driver.", -1).length - 1, "the redelivered note shows once");
        given().get(path).then().body(not(containsString("old plan"))).body(not(containsString("In progress")));
    }

    @Test
    void aClosedTicketSaysClosedAndAStaleEventNeverReopensIt() {
        TicketCreated ticket = ticket("Closing soon");
        KafkaEvents.publish(kafka, ticket, UUID.randomUUID().toString());
        String path = pathOf(mint(ticket));
        TicketClosed closed = EventFixtures.event(EventType.TICKET_CLOSED);
        KafkaEvents.publish(kafka, new TicketClosed(snapshotOf(ticket, TicketStatus.CLOSED), 3, NoteAuthor.AGENT,
                "agent", closed.closedAt()), UUID.randomUUID().toString());
        // an older event of the same ticket arriving late must not turn it back to open
        KafkaEvents.publish(kafka, note(ticket, 1, NoteAuthor.AGENT, "An earlier answer", true), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(path).then()
                .statusCode(200).body(containsString("data-status=\"closed\"")).body(containsString("An earlier answer")));
        given().get(path).then().body(not(containsString("data-status=\"open\"")));
    }

    @Test
    void userContentIsShownAsTextNeverAsMarkup() {
        TicketCreated ticket = ticket("<script>alert('x')</script>");
        KafkaEvents.publish(kafka, ticket, UUID.randomUUID().toString());
        String path = pathOf(mint(ticket));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(path).then()
                .statusCode(200)
                .body(containsString("&lt;script&gt;alert("))
                .body(not(containsString("<script>alert("))));
    }

    @Test
    void wrongMalformedAndOtherTicketsTokensAllGetThePlainNotFoundPage() {
        String unknown = "/t/" + "A".repeat(43);
        given().get(unknown).then().statusCode(404).contentType(ContentType.HTML)
                .body(containsString("does not open a ticket"));
        given().get("/t/short").then().statusCode(404).body(containsString("does not open a ticket"));
        given().get("/t/%27%3Cscript%3E").then().statusCode(404).body(not(containsString("<script>")));
    }

    @Test
    void aTokenOpensOnlyItsOwnTicket() {
        TicketCreated first = ticket("First ticket of the pair");
        TicketCreated second = ticket("Second ticket of the pair");
        KafkaEvents.publish(kafka, first, UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, second, UUID.randomUUID().toString());
        String firstPath = pathOf(mint(first));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(firstPath).then()
                .statusCode(200).body(containsString("First ticket of the pair")));
        given().get(firstPath).then().body(not(containsString("Second ticket of the pair")));
    }

    @Test
    void aFormFromElsewhereIsRefusedAndAFailedSendKeepsWhatTheClientTyped() {
        TicketCreated ticket = ticket("Comment while ticket-service is away");
        KafkaEvents.publish(kafka, ticket, UUID.randomUUID().toString());
        String path = pathOf(mint(ticket));
        String page = await().atMost(Duration.ofSeconds(30)).until(() -> given().get(path).then().extract().asString(),
                html -> html.contains("Comment while ticket-service is away"));
        String csrf = hidden(page, "csrf");

        given().formParam("body", "forged").formParam("requestId", UUID.randomUUID().toString())
                .formParam("csrf", "forged-token").post(path + "/comments")
                .then().statusCode(403).body(containsString("could not be accepted"));
        given().formParam("body", "   ").formParam("csrf", csrf).post(path + "/comments")
                .then().statusCode(400).body(containsString("Write a comment"));
        // ticket-service is not running in this test: the client is told, and the text stays in the form
        given().formParam("body", "My <b>draft</b> answer").formParam("requestId", hidden(page, "requestId"))
                .formParam("csrf", csrf).post(path + "/comments")
                .then().statusCode(503)
                .body(containsString("Please try again"))
                .body(containsString("My &lt;b&gt;draft&lt;/b&gt; answer"));
    }

    @Test
    void mintingNeedsTheInternalKey() {
        given().contentType(ContentType.JSON).body("{\"clientEmail\":\"a@example.com\"}")
                .post("/internal/tickets/{id}/links", UUID.randomUUID()).then().statusCode(401);
        given().header(KEY_HEADER, "wrong").contentType(ContentType.JSON).body("{\"clientEmail\":\"a@example.com\"}")
                .post("/internal/tickets/{id}/links", UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void linksExpireAfterTheirProjectsPeriodLikeAnyWrongLinkAndAFreshOneWorks() {
        TicketCreated ticket = ticket("Ticket with an old link");
        KafkaEvents.publish(kafka, ticket, UUID.randomUUID().toString());
        String old = pathOf(mint(ticket));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(old).then().statusCode(200)
                .body(containsString("Ticket with an old link")));

        ageLinks(ticket, Duration.ofDays(91)); // the default period is 90 days
        given().get(old).then().statusCode(404).body(containsString("does not open a ticket"));
        String fresh = pathOf(mint(ticket)); // what the next notification does
        given().get(fresh).then().statusCode(200).body(containsString("Ticket with an old link"));

        String admin = KeycloakTokens.accessToken("admin", "admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"expiryDays\": 7}")
                .put("/api/admin/projects/{key}/link-policy", ticket.projectKey()).then().statusCode(200)
                .body("expiryDays", org.hamcrest.Matchers.equalTo(7));
        ageLinks(ticket, Duration.ofDays(8));
        given().get(fresh).then().statusCode(404).body(containsString("does not open a ticket"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"expiryDays\": 30}")
                .put("/api/admin/projects/{key}/link-policy", ticket.projectKey()).then().statusCode(200);
        given().get(fresh).then().statusCode(200);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"expiryDays\": 0}")
                .put("/api/admin/projects/{key}/link-policy", ticket.projectKey()).then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(KeycloakTokens.accessToken("agent", "agent")).contentType(ContentType.JSON)
                .body("{\"expiryDays\": 5}").put("/api/admin/projects/{key}/link-policy", ticket.projectKey())
                .then().statusCode(403);
    }

    @Test
    void anAddressThatKeepsGuessingLinksIsToldToWaitWhileOthersAreNot() {
        TicketCreated ticket = ticket("Guarded ticket");
        KafkaEvents.publish(kafka, ticket, UUID.randomUUID().toString());
        String path = pathOf(mint(ticket));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(path).then().statusCode(200)
                .body(containsString("Guarded ticket")));
        String guesser = "198.51.100.23";
        java.security.SecureRandom random = new java.security.SecureRandom();

        for (int i = 0; i < 10; i++) { // the test profile allows 10 misses per address in 15 minutes
            byte[] guess = new byte[32];
            random.nextBytes(guess);
            given().header("X-Forwarded-For", guesser)
                    .get("/t/" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(guess))
                    .then().statusCode(404);
        }
        given().header("X-Forwarded-For", guesser).get(path).then().statusCode(429)
                .body(containsString("Too many attempts")).body(not(containsString("Guarded ticket")));
        given().header("X-Forwarded-For", "198.51.100.99").get(path).then().statusCode(200)
                .body(containsString("Guarded ticket"));
    }

    private static void ageLinks(TicketCreated ticket, Duration age) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> dev.relaydesk.portal.link.AccessLink
                .update("createdAt = ?1 where ticketId = ?2", java.time.Instant.now().minus(age), ticket.ticketId()));
    }

    private String mint(TicketCreated ticket) {
        return given().header(KEY_HEADER, internalKey).contentType(ContentType.JSON)
                .body("{\"clientEmail\":\"" + ticket.clientEmail() + "\"}")
                .post("/internal/tickets/{id}/links", ticket.ticketId())
                .then().statusCode(201).extract().path("url");
    }

    private static String hidden(String html, String name) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no hidden field " + name);
        }
        return matcher.group(1);
    }

    private static String pathOf(String url) {
        return url.substring(url.indexOf("/t/"));
    }

    /** The producer's golden fixture, made unique for this test. */
    private static TicketCreated ticket(String title) {
        TicketCreated golden = EventFixtures.event(EventType.TICKET_CREATED);
        UUID id = UUID.randomUUID();
        return new TicketCreated(id, 0, "SUP-" + Math.abs(id.hashCode() % 100000), golden.projectKey(),
                golden.projectName(), golden.projectAddress(), title, "Details of " + title, golden.clientEmail(),
                golden.clientName(), golden.status(), golden.stage(), golden.source(), golden.threadMessageId(),
                golden.createdAt(), golden.type(), golden.priority(), golden.clientOrganization());
    }

    private static TicketSnapshot snapshotOf(TicketCreated ticket, TicketStatus status) {
        return new TicketSnapshot(ticket.ticketId(), ticket.number(), ticket.projectKey(), ticket.projectName(),
                ticket.projectAddress(), "General", ticket.title(), ticket.clientEmail(), ticket.clientName(), status,
                status == TicketStatus.CLOSED ? "Closed" : "New", ticket.threadMessageId(), ticket.priority(),
                ticket.clientOrganization(), List.of());
    }

    private static NoteAdded note(TicketCreated ticket, long version, NoteAuthor author, String body, boolean publicNote) {
        return new NoteAdded(ticket.ticketId(), version, UUID.randomUUID(), ticket.number(), ticket.projectKey(),
                ticket.projectAddress(), ticket.title(), ticket.clientEmail(), ticket.clientName(), ticket.status(),
                author, "Alex", body, publicNote, true, ticket.threadMessageId(), ticket.createdAt().plusSeconds(version));
    }
}
