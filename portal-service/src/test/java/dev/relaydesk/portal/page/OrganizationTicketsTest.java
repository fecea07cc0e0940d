package dev.relaydesk.portal.page;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.EventType;
import dev.relaydesk.events.TicketCreated;
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
 * A logged-in client sees the tickets of the other members of their organization, as admins defined it, in the
 * projects whose portal profile shares them: read only, never a client-typed organization's, never another
 * organization's member at the same mail domain.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
@WithTestResource(IdentityServiceProcess.class)
class OrganizationTicketsTest {

    private static final String PASSWORD = "maple river lantern";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @TestHTTPResource("/")
    URL root;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private final String marker = UUID.randomUUID().toString().substring(0, 8);
    private final String domain = "@acme-" + marker + ".test";

    @Test
    void membersSeeEachOthersTicketsInSharingProjectsAndCanOnlyReadThem() {
        String project = "ORG" + marker.substring(0, 4).toUpperCase().replaceAll("[^A-Z0-9]", "X");
        String ana = "ana" + domain;
        registeredClient(ana);
        organization("Acme " + marker, List.of(domain, "partner-" + marker + "@elsewhere.test"))
                .statusCode(200).body("members.size()", equalTo(2));
        organization("Contractors " + marker, List.of("contractor" + domain)).statusCode(200);
        profile(project, true);

        TicketCreated own = ticket(project, "Ana own", ana, null);
        TicketCreated colleague = ticket(project, "Bo printer <b>jam</b>", "bo" + domain, null);
        TicketCreated partner = ticket(project, "Partner order", "partner-" + marker + "@elsewhere.test", null);
        TicketCreated elsewhere = ticket("NOSHARE", "Bo other project", "bo" + domain, null);
        TicketCreated contractor = ticket(project, "Contractor invoice", "contractor" + domain, null);
        TicketCreated claimed = ticket(project, "Mallory claims Acme", "mallory-" + marker + "@evil.test",
                "Acme " + marker);
        for (TicketCreated t : List.of(own, colleague, partner, elsewhere, contractor, claimed)) {
            KafkaEvents.publish(kafka, t, UUID.randomUUID().toString());
        }
        KafkaEvents.awaitConsumed(kafka, "portal-service", EventType.TICKET_CREATED.topic());

        ClientLogin client = ClientLogin.as(base(), "/my/tickets", ana, PASSWORD);
        assertEquals(200, client.landing().statusCode());
        String list = await().atMost(Duration.ofSeconds(30)).until(() -> client.get("/my/tickets").body(),
                html -> html.contains("Partner order"));
        assertTrue(list.contains("Ana own"), list);
        assertTrue(list.contains("Bo printer &lt;b&gt;jam&lt;/b&gt;"), "a colleague's ticket, its title as text");
        assertTrue(list.contains("opened by"), "a colleague's ticket says whose it is");
        assertFalse(list.contains("other project"), "a project that does not share stays private");
        assertFalse(list.contains("Contractor"), "an address admins put in another organization stays private");
        assertFalse(list.contains("Mallory"), "typing an organization's name into a form proves nothing");
        assertTrue(list.contains("Open <span class=\"count\">3</span>"), "counts include colleagues' tickets");

        HttpResponse<String> page = client.get("/my/tickets/" + colleague.ticketId());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Opened by") && page.body().contains("bo" + domain));
        assertTrue(page.body().contains("&lt;b&gt;jam"), "the title renders as text");
        assertFalse(page.body().contains("/close\""), "no actions on a colleague's ticket");
        String ownPage = client.get("/my/tickets/" + own.ticketId()).body();
        String csrf = ownPage.replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        assertEquals(404, client.post("/my/tickets/" + colleague.ticketId() + "/close", "csrf=" + csrf).statusCode(),
                "a colleague's ticket cannot be closed");
        assertEquals(404, client.post("/my/tickets/" + colleague.ticketId() + "/comments", "csrf=" + csrf
                + "&body=hello").statusCode(), "nor commented");
        assertEquals(404, client.get("/my/tickets/" + contractor.ticketId()).statusCode());
        assertEquals(404, client.get("/my/tickets/" + elsewhere.ticketId()).statusCode());

        profile(project, false);
        String unshared = client.get("/my/tickets").body();
        assertFalse(unshared.contains("Bo printer"), "turning sharing off hides colleagues' tickets at once");
        assertEquals(404, client.get("/my/tickets/" + colleague.ticketId()).statusCode());
    }

    @Test
    void onlyAdminsDefineOrganizationsAndMembersMustBeAddressesOrDomains() {
        organization("Bad " + marker, List.of("not an address")).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("neither an address"));
        given().auth().oauth2(KeycloakTokens.accessToken("agent", "agent")).contentType(ContentType.JSON)
                .body(Map.of("members", List.of(domain))).put("/api/admin/organizations/Acme").then().statusCode(403);
        organization("Moving " + marker, List.of("x" + domain)).statusCode(200);
        organization("Other " + marker, List.of("x" + domain)).statusCode(200);
        given().auth().oauth2(admin).get("/api/admin/organizations/Moving " + marker).then().statusCode(404);
        given().auth().oauth2(admin).get("/api/admin/organizations/Other " + marker).then().statusCode(200)
                .body("members[0]", equalTo("x" + domain));
    }

    private io.restassured.response.ValidatableResponse organization(String name, List<String> members) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("members", members))
                .put("/api/admin/organizations/" + name).then();
    }

    private void profile(String project, boolean share) {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("showOrganizationTickets", share)).put("/api/admin/portal-profiles/" + project)
                .then().statusCode(200).body("showOrganizationTickets", equalTo(share));
    }

    private void registeredClient(String email) {
        given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY).contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"firstName\":\"Ana\",\"lastName\":\"Member\",\"password\":\""
                        + PASSWORD + "\"}")
                .post(IdentityServiceProcess.baseUrl + "/internal/clients").then().statusCode(201);
    }

    private String base() {
        return "http://127.0.0.1:" + root.getPort();
    }

    private static TicketCreated ticket(String project, String title, String email, String organization) {
        TicketCreated golden = EventFixtures.event(EventType.TICKET_CREATED);
        UUID id = UUID.randomUUID();
        return new TicketCreated(id, 0, project + "-" + Math.abs(id.hashCode() % 100000), project,
                golden.projectName(), golden.projectAddress(), title, "Details of " + title, email, null,
                golden.status(), golden.stage(), golden.source(), golden.threadMessageId(), golden.createdAt(),
                golden.type(), golden.priority(), organization);
    }
}
