package dev.relaydesk.ticket.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.ticket.TestProjects;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ticket list: filters, full-text search, numbers, keyset pages, and never a ticket the agent may not see. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class TicketSearchTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private final String agent = KeycloakTokens.accessToken("agent", "agent");
    private String project;

    @BeforeEach
    void freshProject() {
        project = TestProjects.create(admin, "SR");
    }

    @Test
    void fullTextFindsWordsInTitleDescriptionClientAndNotes() {
        String printer = open(Map.of("title", "Printer on floor 3 prints blank pages", "description", "Toner is new"));
        String vpn = open(Map.of("title", "VPN drops every hour", "description", "Since the update",
                "clientOrganization", "Globex"));
        given().auth().oauth2(agent).contentType(ContentType.JSON).body(Map.of("body", "Replaced the fuser unit", "publicNote", false))
                .post("/api/tickets/{id}/notes", printer).then().statusCode(201);

        assertEquals(List.of(printer), search("q", "printer"));
        assertEquals(List.of(printer), search("q", "FUSER"));
        assertEquals(List.of(vpn), search("q", "globex"));
        assertEquals(List.of(vpn), search("q", "\"drops every\""));
        assertEquals(List.of(), search("q", "printer -toner"));
        assertEquals(List.of(vpn), search("q", project + "-2"));
    }

    @Test
    void filtersCombine() {
        String urgent = open(Map.of("title", "Server down", "priority", "URGENT"));
        String low = open(Map.of("title", "Typo on the website", "priority", "LOW"));
        long version = given().auth().oauth2(agent).get("/api/tickets/{id}", low).then().extract().jsonPath().getLong("ticket.version");
        given().auth().oauth2(agent).contentType(ContentType.JSON).body(Map.of("stage", "Closed", "version", version))
                .put("/api/tickets/{id}/stage", low).then().statusCode(200);

        assertEquals(List.of(urgent), search("priority", "urgent"));
        assertEquals(List.of(low), search("status", "CLOSED"));
        assertEquals(List.of(urgent), search("stage", "new"));
        given().auth().oauth2(agent).queryParam("status", "HALF-OPEN").get("/api/tickets")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("status"));
    }

    @Test
    void theUnreadFilterFollowsWhoWroteLast() {
        String fromClient = open(Map.of("title", "Mailed in", "source", "API"));
        String byAgent = open(Map.of("title", "Phoned in"));

        assertEquals(List.of(fromClient), search("unread", "true"));
        given().auth().oauth2(agent).contentType(ContentType.JSON).body(Map.of("body", "On it"))
                .post("/api/tickets/{id}/notes", fromClient).then().statusCode(201);
        assertEquals(List.of(), search("unread", "true"));
        assertEquals(List.of(byAgent, fromClient), search("unread", "false", "sort", "created"));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(open(Map.of("title", "Ticket " + i)));
        }
        List<String> seen = new ArrayList<>();
        String next = "/api/tickets?project=" + project + "&sort=created&limit=3";
        int pages = 0;
        while (next != null) {
            Response page = given().auth().oauth2(agent).get(next.replaceFirst("^https?://[^/]+", ""));
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("id"));
            String link = page.header("Link");
            Matcher matcher = link == null ? null : NEXT.matcher(link);
            next = matcher != null && matcher.find() ? matcher.group(1) : null;
            pages++;
        }
        assertEquals(3, pages);
        java.util.Collections.reverse(created);
        assertEquals(created, seen);

        given().auth().oauth2(agent).queryParam("cursor", "not-a-cursor").get("/api/tickets")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void ticketsOfATypeTheAgentLacksNeverShowUp() {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "Payroll"))
                .post("/api/admin/projects/{key}/types", project).then().statusCode(201);
        String open = open(Map.of("title", "Salary question A"));
        String secret = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("project", project, "type", "Payroll", "title", "Salary question B", "description", "d",
                        "clientEmail", "hr@example.com"))
                .post("/api/tickets").then().statusCode(201).extract().path("id");

        assertEquals(List.of(open), search("q", "salary"));
        given().auth().oauth2(admin).queryParam("project", project).queryParam("q", "salary").get("/api/tickets")
                .then().body("id", containsInAnyOrder(open, secret));
        given().auth().oauth2(agent).queryParam("type", "Payroll").get("/api/tickets").then().body("$", empty());
        given().auth().oauth2(agent).queryParam("clientEmail", "hr@example.com").get("/api/tickets").then().body("$", empty());
        assertNull(given().auth().oauth2(agent).queryParam("q", "salary").get("/api/tickets").header("Link"));
    }

    private String open(Map<String, Object> fields) {
        return TestProjects.openTicket(agent, project, fields);
    }

    /** The ids the agent's list shows in this test's project for the given query parameters. */
    private List<String> search(String... parameters) {
        var request = given().auth().oauth2(agent).queryParam("project", project);
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.get("/api/tickets").then().statusCode(200).extract().jsonPath().getList("id");
    }
}
