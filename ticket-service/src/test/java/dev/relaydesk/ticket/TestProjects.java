package dev.relaydesk.ticket;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Projects for tests, made through the admin API, so each test class works in a project of its own. */
public final class TestProjects {

    private TestProjects() {
    }

    /** A fresh project (default stages New / In progress / Closed, type General) the demo agent may work in. */
    public static String create(String adminToken, String prefix) {
        String key = prefix + ThreadLocalRandom.current().nextInt(1000, 9999);
        given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body(Map.of("key", key, "name", "Test " + key, "inboundAddress", key.toLowerCase() + "@relaydesk.test"))
                .post("/api/admin/projects").then().statusCode(201);
        allowAgents(adminToken, key, "General", List.of("agent"));
        return key;
    }

    public static void allowAgents(String adminToken, String project, String type, List<String> agents) {
        given().auth().oauth2(adminToken).contentType(ContentType.JSON).body(Map.of("agents", agents))
                .put("/api/admin/projects/{key}/types/{type}/agents", project, type).then().statusCode(200);
    }

    /** Opens a ticket through the API as the given agent; returns its id. */
    public static String openTicket(String token, String project, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("project", project, "title", "Printer jam",
                "description", "It jams.", "clientEmail", TestTickets.uniqueClient("client")));
        body.putAll(fields);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/tickets").then().statusCode(201).extract().path("id");
    }
}
