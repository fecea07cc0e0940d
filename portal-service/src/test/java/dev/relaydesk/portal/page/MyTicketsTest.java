package dev.relaydesk.portal.page;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.EventType;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.events.TicketStatus;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.portal.testing.ClientLogin;
import dev.relaydesk.portal.testing.IdentityServiceProcess;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A registered client logs in through the real Keycloak login page and sees their own tickets, in two tabs, and no
 * one else's. (ticket-service does not run here: actions must fail visibly; PortalBrowserTest does them for real.)
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
@WithTestResource(IdentityServiceProcess.class)
class MyTicketsTest {

    private static final String PASSWORD = "maple river lantern";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @TestHTTPResource("/")
    URL root;

    @Test
    void aClientSeesTheirOpenAndClosedTicketsAndNobodyElses() {
        String email = registeredClient("Robin", "Tabs");
        TicketCreated first = ticket("Mine and open", email);
        TicketCreated second = ticket("Mine and <i>closed</i>", email.toUpperCase());
        TicketCreated others = ticket("Someone else's", "other-" + email);
        for (TicketCreated t : List.of(first, second, others)) {
            KafkaEvents.publish(kafka, t, UUID.randomUUID().toString());
        }
        KafkaEvents.publish(kafka, new TicketClosed(snapshotOf(second, TicketStatus.CLOSED), 1, NoteAuthor.CLIENT,
                email, second.createdAt().plusSeconds(60)), UUID.randomUUID().toString());
        KafkaEvents.awaitConsumed(kafka, "portal-service", EventType.TICKET_CLOSED.topic());
        KafkaEvents.awaitConsumed(kafka, "portal-service", EventType.TICKET_CREATED.topic());

        ClientLogin client = ClientLogin.as(base(), "/my/tickets", email, PASSWORD);
        HttpResponse<String> open = client.landing();
        assertEquals(200, open.statusCode());
        assertTrue(open.uri().getPath().equals("/my/tickets"), "back on the list after logging in: " + open.uri());
        assertTrue(open.body().contains("Mine and open"));
        assertFalse(open.body().contains("Mine and &lt;i&gt;closed"), "the closed one is on the other tab");
        assertFalse(open.body().contains("Someone else"));
        assertTrue(open.body().contains("Robin Tabs"));

        String closed = client.get("/my/tickets?tab=closed").body();
        assertTrue(closed.contains("Mine and &lt;i&gt;closed&lt;/i&gt;"), "closed tab, title as text");
        assertFalse(closed.contains("Mine and open"));

        HttpResponse<String> page = client.get("/my/tickets/" + first.ticketId());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Details of Mine and open"));
        assertTrue(page.body().contains("action=\"/my/tickets/" + first.ticketId() + "/close\""));
        assertFalse(page.body().contains("Anyone with this link"), "no link warning for a logged-in client");

        // the closed one asks for feedback, once
        String closedPath = "/my/tickets/" + second.ticketId();
        String closedPage = client.get(closedPath).body();
        assertTrue(closedPage.contains("action=\"" + closedPath + "/feedback\""), "a closed ticket asks for feedback");
        HttpResponse<String> rated = client.post(closedPath + "/feedback", "csrf=" + hidden(closedPage, "csrf")
                + "&rating=4&comment=" + URLEncoder.encode("Quick <b>help</b>", StandardCharsets.UTF_8));
        assertEquals(200, rated.statusCode());
        assertTrue(rated.body().contains("Thank you for your feedback."));
        assertTrue(rated.body().contains("★★★★☆") && rated.body().contains("Quick &lt;b&gt;help&lt;/b&gt;"), "the feedback shows");
        assertEquals(409, client.post(closedPath + "/feedback", "csrf=" + hidden(closedPage, "csrf") + "&rating=1")
                .statusCode(), "feedback is given once");
        assertEquals(409, client.post("/my/tickets/" + first.ticketId() + "/feedback", "csrf="
                + hidden(closedPage, "csrf") + "&rating=5").statusCode(), "an open ticket is not rated yet");

        HttpResponse<String> foreign = client.get("/my/tickets/" + others.ticketId());
        assertEquals(404, foreign.statusCode());
        assertFalse(foreign.body().contains("Someone else"));
        assertEquals(404, client.get("/my/tickets/" + UUID.randomUUID()).statusCode());
        assertEquals(404, client.get("/my/tickets/not-a-uuid").statusCode());
        assertEquals(404, client.post("/my/tickets/" + others.ticketId() + "/close",
                "csrf=" + hidden(page.body(), "csrf")).statusCode());
    }

    @Test
    void formsNeedTheirTokenAndAFailedActionSaysSoAndKeepsTheText() {
        String email = registeredClient("Sam", "Forms");
        TicketCreated ticket = ticket("Forms ticket", email);
        KafkaEvents.publish(kafka, ticket, UUID.randomUUID().toString());
        ClientLogin client = ClientLogin.as(base(), "/my/tickets", email, PASSWORD);
        String path = "/my/tickets/" + ticket.ticketId();
        String page = await().atMost(Duration.ofSeconds(30)).until(() -> client.get(path).body(),
                html -> html.contains("Forms ticket"));
        String csrf = hidden(page, "csrf");

        assertEquals(403, client.post(path + "/close", "csrf=forged").statusCode());
        HttpResponse<String> failed = client.post(path + "/comments", "csrf=" + csrf + "&body="
                + URLEncoder.encode("My <b>draft</b>", StandardCharsets.UTF_8));
        assertEquals(503, failed.statusCode(), "ticket-service is not running in this test");
        assertTrue(failed.body().contains("Please try again"));
        assertTrue(failed.body().contains("My &lt;b&gt;draft&lt;/b&gt;"));

        String form = client.get("/my/tickets/new").body();
        HttpResponse<String> notOpened = client.post("/my/tickets", "csrf=" + hidden(form, "csrf")
                + "&requestId=" + UUID.randomUUID() + "&title=Printer&description=" + URLEncoder.encode("It jams", StandardCharsets.UTF_8));
        assertEquals(503, notOpened.statusCode());
        assertTrue(notOpened.body().contains("value=\"Printer\"") && notOpened.body().contains("It jams"));
        assertEquals(403, client.post("/my/tickets", "csrf=forged&title=x&description=y").statusCode());
    }

    @Test
    void loggingOutEndsTheSessionAtKeycloakToo() {
        String email = registeredClient("Lou", "Out");
        ClientLogin client = ClientLogin.as(base(), "/my/tickets", email, PASSWORD);
        assertEquals(200, client.landing().statusCode());

        HttpResponse<String> out = client.get("/my/logout");
        assertEquals("/signed-out", out.uri().getPath(), "back on the portal after Keycloak's logout");
        assertTrue(out.body().contains("You are logged out"));
        HttpResponse<String> again = client.get("/my/tickets");
        assertTrue(again.body().contains("login-actions/authenticate"), "Keycloak asks for the password again");
    }

    @Test
    void strangersAreSentToLogInAndAccountsWithoutTheClientRoleAreRefused() {
        given().redirects().follow(false).get("/my/tickets").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.containsString("/realms/relaydesk/protocol/openid-connect/auth"));
        HttpResponse<String> agent = ClientLogin.as(base(), "/my/tickets", "agent", "agent").landing();
        assertEquals(403, agent.statusCode(), "answered at " + agent.uri());
    }

    private String registeredClient(String first, String last) {
        String email = "my-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY).contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"firstName\":\"" + first + "\",\"lastName\":\"" + last
                        + "\",\"password\":\"" + PASSWORD + "\"}")
                .post(IdentityServiceProcess.baseUrl + "/internal/clients").then().statusCode(201);
        return email;
    }

    private String base() {
        return "http://127.0.0.1:" + root.getPort();
    }

    private static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no hidden field " + name);
        }
        return matcher.group(1);
    }

    private static TicketCreated ticket(String title, String email) {
        TicketCreated golden = EventFixtures.event(EventType.TICKET_CREATED);
        UUID id = UUID.randomUUID();
        return new TicketCreated(id, 0, "SUP-" + Math.abs(id.hashCode() % 100000), golden.projectKey(),
                golden.projectName(), golden.projectAddress(), title, "Details of " + title, email,
                golden.clientName(), golden.status(), golden.stage(), golden.source(), golden.threadMessageId(),
                golden.createdAt(), golden.type(), golden.priority(), golden.clientOrganization());
    }

    private static TicketSnapshot snapshotOf(TicketCreated ticket, TicketStatus status) {
        return new TicketSnapshot(ticket.ticketId(), ticket.number(), ticket.projectKey(), ticket.projectName(),
                ticket.projectAddress(), "General", ticket.title(), ticket.clientEmail(), ticket.clientName(), status,
                status == TicketStatus.CLOSED ? "Closed" : "New", ticket.threadMessageId(), ticket.priority(),
                ticket.clientOrganization(), List.of());
    }
}
