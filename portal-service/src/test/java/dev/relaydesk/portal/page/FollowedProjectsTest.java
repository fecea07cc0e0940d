package dev.relaydesk.portal.page;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.EventType;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketStatus;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.portal.testing.ClientLogin;
import dev.relaydesk.portal.testing.IdentityServiceProcess;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A registered client follows a project its profile lets clients follow, and reads its tickets in a tab of their own:
 * number, title, Open/Closed and the public conversation, never the other client's name, address or description.
 * They cannot act on them, a project that does not allow following cannot be followed, and admins see the followers.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
@WithTestResource(IdentityServiceProcess.class)
class FollowedProjectsTest {

    private static final String PASSWORD = "cedar window parcel";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @TestHTTPResource("/")
    URL root;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private final String marker = UUID.randomUUID().toString().substring(0, 6).toUpperCase().replaceAll("[^A-Z0-9]", "X");

    @Test
    void aClientFollowsAProjectReadsItsTicketsAndStopsSeeingThemWhenTheProfileSaysSo() {
        String project = "FO" + marker;
        String closedProject = "NF" + marker;
        String email = "follower-" + marker.toLowerCase() + "@example.com";
        registeredClient(email);
        profile(project, true);
        profile(closedProject, false);

        TicketCreated other = ticket(project, "Outage <b>in</b> Berlin", "someone-" + marker + "@elsewhere.test");
        TicketCreated own = ticket(project, "My own question", email);
        TicketCreated hidden = ticket(closedProject, "Private matter", "someone-" + marker + "@elsewhere.test");
        for (TicketCreated t : List.of(other, own, hidden)) {
            KafkaEvents.publish(kafka, t, UUID.randomUUID().toString());
        }
        KafkaEvents.publish(kafka, note(other, "Internal-looking reply to the client", true), UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, note(other, "Agents only: customer is on a trial", false), UUID.randomUUID().toString());
        KafkaEvents.awaitConsumed(kafka, "portal-service", EventType.TICKET_CREATED.topic());
        KafkaEvents.awaitConsumed(kafka, "portal-service", EventType.NOTE_ADDED.topic());

        ClientLogin client = ClientLogin.as(base(), "/my/tickets", email, PASSWORD);
        assertEquals(200, client.landing().statusCode());
        String home = await().atMost(Duration.ofSeconds(30)).until(() -> client.get("/my/tickets").body(),
                html -> html.contains("My own question"));
        assertTrue(home.contains("Projects you can follow"), home);
        assertTrue(home.contains("data-project=\"" + project + "\""), "a followable project is offered");
        assertTrue(home.contains("Project " + project), "under the name its events carry");
        assertFalse(home.contains("data-project=\"" + closedProject + "\""), "a project that does not allow it is not");
        assertFalse(home.contains("Outage"), "nothing of the project before following it");
        assertFalse(home.contains("Followed projects <span"), "no followed tab before following anything");
        String csrf = csrfOf(home);

        assertEquals(404, client.post("/my/projects/" + closedProject + "/follow", "csrf=" + csrf).statusCode(),
                "a project whose profile does not allow following cannot be followed, even by a crafted post");
        HttpResponse<String> followed = client.post("/my/projects/" + project + "/follow", "csrf=" + csrf);
        assertEquals(200, followed.statusCode());
        assertTrue(followed.uri().toString().endsWith("/my/tickets?tab=followed&sent=followed"), followed.uri().toString());
        String tab = followed.body();
        assertTrue(tab.contains("You follow the project now"), tab);
        assertTrue(tab.contains("Outage &lt;b&gt;in&lt;/b&gt; Berlin"), "the other client's ticket, its title as text");
        assertTrue(tab.contains("data-status=\"Open\""), "with its status");
        assertTrue(tab.contains("Followed projects <span class=\"count\">1</span>"), "the own ticket is not repeated there");
        assertFalse(tab.contains("someone-" + marker) || tab.contains("Other Client"), "never the other client's name");
        assertFalse(tab.contains("Private matter"));
        assertTrue(client.get("/my/tickets").body().contains("Open <span class=\"count\">1</span>"),
                "the Open tab counts the client's own tickets only");
        assertEquals(200, client.post("/my/projects/" + project + "/follow", "csrf=" + csrf).statusCode(),
                "following twice is following once");
        given().auth().oauth2(admin).get("/api/admin/portal-profiles/{key}/followers", project).then()
                .statusCode(200).body("email", contains(email));

        HttpResponse<String> page = client.get("/my/tickets/" + other.ticketId());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("a project you follow"), page.body());
        assertTrue(page.body().contains("Internal-looking reply to the client"), "the public conversation");
        assertFalse(page.body().contains("Agents only"), "never a private note");
        assertFalse(page.body().contains("someone-" + marker), "never the other client's address");
        assertFalse(page.body().contains("Other Client"), "nor their name");
        assertFalse(page.body().contains("Details of Outage"), "nor their description");
        assertFalse(page.body().contains("/close\""), "no actions on a followed ticket");
        assertEquals(404, client.post("/my/tickets/" + other.ticketId() + "/comments", "csrf=" + csrf
                + "&body=hello").statusCode(), "a followed ticket cannot be commented on");
        assertEquals(404, client.get("/my/tickets/" + hidden.ticketId()).statusCode());

        profile(project, false);
        String off = client.get("/my/tickets?tab=followed").body();
        assertFalse(off.contains("Outage"), "turning following off hides the project's tickets at once");
        assertEquals(404, client.get("/my/tickets/" + other.ticketId()).statusCode());
        profile(project, true);
        assertTrue(client.get("/my/tickets?tab=followed").body().contains("Outage"),
                "followers see the project again once it is allowed again");

        HttpResponse<String> unfollowed = client.post("/my/projects/" + project + "/unfollow", "csrf=" + csrf);
        assertTrue(unfollowed.body().contains("You no longer follow that project."), unfollowed.body());
        assertEquals(404, client.get("/my/tickets/" + other.ticketId()).statusCode());
        given().auth().oauth2(admin).get("/api/admin/portal-profiles/{key}/followers", project).then()
                .statusCode(200).body("size()", equalTo(0));
        assertTrue(client.post("/my/projects/" + project + "/follow", "csrf=expired").body()
                .contains("That page had expired"), "a stale form changes nothing");
    }

    private void profile(String project, boolean followable) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("followable", followable))
                .put("/api/admin/portal-profiles/" + project).then().statusCode(200)
                .body("followable", equalTo(followable));
    }

    private void registeredClient(String email) {
        given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY).contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"firstName\":\"Fay\",\"lastName\":\"Follower\",\"password\":\""
                        + PASSWORD + "\"}")
                .post(IdentityServiceProcess.baseUrl + "/internal/clients").then().statusCode(201);
    }

    private String base() {
        return "http://127.0.0.1:" + root.getPort();
    }

    private static String csrfOf(String html) {
        return html.replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
    }

    private static TicketCreated ticket(String project, String title, String email) {
        TicketCreated golden = EventFixtures.event(EventType.TICKET_CREATED);
        UUID id = UUID.randomUUID();
        return new TicketCreated(id, 0, project + "-" + Math.abs(id.hashCode() % 100000), project,
                "Project " + project, golden.projectAddress(), title, "Details of " + title, email, "Other Client",
                TicketStatus.OPEN, golden.stage(), golden.source(), golden.threadMessageId(), golden.createdAt(),
                golden.type(), golden.priority(), null);
    }

    private static NoteAdded note(TicketCreated ticket, String body, boolean publicNote) {
        return new NoteAdded(ticket.ticketId(), 1 + (publicNote ? 0 : 1), UUID.randomUUID(), ticket.number(),
                ticket.projectKey(), ticket.projectAddress(), ticket.title(), ticket.clientEmail(), ticket.clientName(),
                TicketStatus.OPEN, NoteAuthor.AGENT, "Alex", body, publicNote, publicNote, ticket.threadMessageId(),
                ticket.createdAt().plusSeconds(5));
    }
}
