package dev.relaydesk.ticket.field;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.ticket.FakeProviderGateway;
import dev.relaydesk.ticket.TestProjects;
import dev.relaydesk.ticket.TestTickets;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client's new ticket gets the custom-fields provider's values for the fields its project defines and the client
 * left empty; the client's own values win, values that do not fit are left out, and a gateway that is down only
 * means no values.
 */
@QuarkusTest
@WithTestResource(FakeProviderGateway.class)
class PrefilledFieldsTest {

    private static final String BILLING = """
            {"status": "AVAILABLE", "fields": [
              {"name": "customerId", "label": "Customer id", "type": "text", "value": "C-1042"},
              {"name": "seats", "label": "Seats", "type": "number", "value": 12},
              {"name": "plan", "label": "Plan", "type": "select", "value": "Gold"},
              {"name": "contractEnds", "label": "Contract ends", "type": "date", "value": "2027-03-31"},
              {"name": "unknownHere", "label": "Not a field of this project", "type": "text", "value": "x"}]}""";

    @ConfigProperty(name = "relaydesk.internal.api-key")
    String internalKey;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private String project;

    @BeforeEach
    void projectWithFields() {
        FakeProviderGateway.up();
        project = TestProjects.create(admin, "PF");
        addField(Map.of("key", "customerId", "label", "Customer id", "type", "TEXT"));
        addField(Map.of("key", "seats", "label", "Seats", "type", "NUMBER"));
        addField(Map.of("key", "plan", "label", "Plan", "type", "SELECT", "options", List.of("Team", "Business")));
        addField(Map.of("key", "contractEnds", "label", "Contract ends", "type", "DATE"));
        FakeProviderGateway.script(FakeProviderGateway.CUSTOM_FIELDS, BILLING, 0);
    }

    @AfterEach
    void gatewayBack() {
        FakeProviderGateway.up();
    }

    @Test
    void aClientsTicketGetsTheProvidersValuesForTheFieldsTheyLeftEmpty() {
        String client = TestTickets.uniqueClient("billing");
        String id = openAsClient(client, Map.of("contractEnds", "2026-12-31"));

        Map<String, Object> fields = customFields(id);
        assertEquals("C-1042", fields.get("customerId"));
        assertEquals(12, fields.get("seats"));
        assertEquals("2026-12-31", fields.get("contractEnds"), "the client's own value wins");
        assertFalse(fields.containsKey("plan"), "Gold is not an option of Plan: left empty, " + fields);
        assertFalse(fields.containsKey("unknownHere"), fields.toString());
        JsonPath details = given().auth().oauth2(admin).get("/api/tickets/{id}", id).then().extract().jsonPath();
        assertEquals("custom-fields provider", details.getString("history.find { it.action == 'filled in' }.actor"));
        assertEquals("customerId, seats", details.getString("history.find { it.action == 'filled in' }.detail"),
                "the history tells the provider's values from the client's");

        List<FakeProviderGateway.Lookup> lookups = FakeProviderGateway.lookups(FakeProviderGateway.CUSTOM_FIELDS);
        assertEquals(1, lookups.size());
        assertTrue(lookups.get(0).query().contains("email=" + client), lookups.get(0).query());
        assertTrue(lookups.get(0).query().contains("project=" + project), lookups.get(0).query());
        assertEquals(internalKey, lookups.get(0).internalKey());
    }

    @Test
    void ticketsAgentsOpenAreNotPrefilled() {
        String id = TestProjects.openTicket(KeycloakTokens.accessToken("agent", "agent"), project, Map.of());

        assertTrue(customFields(id).isEmpty());
        assertTrue(FakeProviderGateway.lookups(FakeProviderGateway.CUSTOM_FIELDS).isEmpty(), "not asked");
    }

    @Test
    void whenTheGatewayIsDownTheTicketIsCreatedAsTheClientWroteIt() {
        FakeProviderGateway.down();
        long start = System.nanoTime();
        String id = openAsClient(TestTickets.uniqueClient("down"), Map.of("seats", "3"));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, "not held up");

        assertEquals(Map.of("seats", 3), customFields(id));
        assertFalse(given().auth().oauth2(admin).get("/api/tickets/{id}", id).then().extract().asString().contains("filled in"));
    }

    private String openAsClient(String client, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>();
        body.put("requestId", UUID.randomUUID().toString());
        body.put("source", "WEB_FORM");
        body.put("clientEmail", client);
        body.put("clientName", "Ana Lima");
        body.put("project", project);
        body.put("title", "Need more seats");
        body.put("description", "For the new team.");
        body.put("customFields", fields);
        return given().header("X-Relaydesk-Internal-Key", internalKey).contentType(ContentType.JSON).body(body)
                .post("/internal/tickets").then().statusCode(201).extract().path("id");
    }

    private Map<String, Object> customFields(String id) {
        JsonPath ticket = given().auth().oauth2(admin).get("/api/tickets/{id}", id).then().statusCode(200).extract().jsonPath();
        return ticket.getMap("customFields");
    }

    private void addField(Map<String, Object> field) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(field)
                .post("/api/admin/projects/{key}/fields", project).then().statusCode(201);
    }
}
