package dev.relaydesk.ticket.editing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.TicketAssigned;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketPriority;
import dev.relaydesk.events.TicketSource;
import dev.relaydesk.events.TicketUpdated;
import dev.relaydesk.events.TicketUpdated.FieldChange;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.ticket.TestProjects;
import dev.relaydesk.ticket.TestTickets;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Agents open tickets for clients, edit them, assign and claim them; every change is checked and published. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class TicketEditingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private final String agent = KeycloakTokens.accessToken("agent", "agent");
    private String project;

    @BeforeEach
    void projectWithFields() {
        project = TestProjects.create(admin, "ED");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", "contract", "label", "Contract number", "type", "TEXT", "required", true))
                .post("/api/admin/projects/{key}/fields", project).then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", "seats", "label", "Seats", "type", "NUMBER"))
                .post("/api/admin/projects/{key}/fields", project).then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", "due", "label", "Due date", "type", "DATE"))
                .post("/api/admin/projects/{key}/fields", project).then().statusCode(201);
    }

    @Test
    void anAgentOpensATicketForAClientWithTypedFields() {
        String client = TestTickets.uniqueClient("opened");
        String id = given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("project", project, "title", "Upgrade to 40 seats", "description", "Call from Jane",
                        "clientEmail", client, "clientName", "Jane Doe", "clientOrganization", "Acme Ltd",
                        "priority", "HIGH", "customFields", Map.of("contract", "C-1009", "seats", "40", "due", "2026-12-31")))
                .post("/api/tickets")
                .then().statusCode(201)
                .header("Location", containsString("/api/tickets/"))
                .body("number", equalTo(project + "-1"))
                .body("priority", equalTo("HIGH"))
                .body("source", equalTo("AGENT"))
                .body("unread", equalTo(false))
                .extract().path("id");

        given().auth().oauth2(agent).get("/api/tickets/{id}", id).then().statusCode(200)
                .body("customFields.contract", equalTo("C-1009"))
                .body("customFields.seats", equalTo(40))
                .body("customFields.due", equalTo("2026-12-31"))
                .body("ticket.clientOrganization", equalTo("Acme Ltd"));
        TicketCreated created = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.TICKET_CREATED.topic(),
                record -> record.key().equals(id)).value(), TicketCreated.class);
        assertEquals(TicketSource.AGENT, created.source());
        assertEquals(TicketPriority.HIGH, created.priority());
        assertEquals("General", created.type());
        assertEquals(client, created.clientEmail());
    }

    @Test
    void wrongFieldValuesAreRefusedNamingTheField() {
        Map<String, Object> base = Map.of("project", project, "title", "t", "description", "d",
                "clientEmail", TestTickets.uniqueClient("bad"));

        given().auth().oauth2(agent).contentType(ContentType.JSON).body(base).post("/api/tickets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("customFields.contract"))
                .body("detail", containsString("Contract number is required"));
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(with(base, "customFields", Map.of("contract", "C-1", "seats", "forty")))
                .post("/api/tickets").then().statusCode(400).body("errors[0].field", equalTo("customFields.seats"));
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(with(base, "customFields", Map.of("contract", "C-1", "colour", "red")))
                .post("/api/tickets").then().statusCode(400).body("errors[0].field", equalTo("customFields.colour"));
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(with(with(base, "customFields", Map.of("contract", "C-1")), "priority", "SUPER"))
                .post("/api/tickets").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("priority"));
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("project", project, "title", "", "description", "d", "clientEmail", "nobody"))
                .post("/api/tickets").then().statusCode(400).body("errors.field", contains("clientEmail", "title"));

        given().auth().oauth2(agent).queryParam("project", project).get("/api/tickets").then().body("$", empty());
    }

    @Test
    void aRetriedCreationWithTheSameIdempotencyKeyMakesOneTicket() {
        Map<String, Object> request = Map.of("project", project, "title", "Once", "description", "d",
                "clientEmail", TestTickets.uniqueClient("once"), "customFields", Map.of("contract", "C-2"));
        String key = UUID.randomUUID().toString();

        String first = given().auth().oauth2(agent).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(request).post("/api/tickets").then().statusCode(201).extract().path("id");
        String again = given().auth().oauth2(agent).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(request).post("/api/tickets").then().statusCode(200).extract().path("id");

        assertEquals(first, again);
        given().auth().oauth2(agent).queryParam("project", project).get("/api/tickets").then()
                .body("id", contains(first));
    }

    @Test
    void anEditIsPublishedFieldByFieldAndAStaleEditIsAConflict() {
        String id = TestProjects.openTicket(agent, project, Map.of("customFields", Map.of("contract", "C-3", "seats", 5)));
        long version = version(id);

        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("version", version, "priority", "URGENT", "customFields", Map.of("seats", 5, "due", "2027-01-15")))
                .patch("/api/tickets/{id}", id)
                .then().statusCode(200).body("priority", equalTo("URGENT"));

        TicketUpdated updated = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.TICKET_UPDATED.topic(),
                record -> record.key().equals(id)).value(), TicketUpdated.class);
        assertEquals(List.of(new FieldChange("priority", "NORMAL", "URGENT"),
                new FieldChange("customFields.due", null, "2027-01-15")), updated.changes());
        assertEquals(TicketPriority.URGENT, updated.ticket().priority());
        assertEquals("agent", updated.actor());

        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("version", version, "title", "Overwritten?"))
                .patch("/api/tickets/{id}", id)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("version", version + 1, "customFields", Map.of("contract", "")))
                .patch("/api/tickets/{id}", id)
                .then().statusCode(400).body("errors[0].field", equalTo("customFields.contract"));
        given().auth().oauth2(agent).get("/api/tickets/{id}", id).then()
                .body("ticket.title", equalTo("Printer jam"))
                .body("customFields.contract", equalTo("C-3"))
                .body("history.action", hasItem("changed priority"));
    }

    @Test
    void theClientsMobileNumberAndCustomFieldValuesTravelOnTheEvents() {
        Map<String, Object> base = Map.of("project", project, "title", "Call me back", "description", "d",
                "clientEmail", TestTickets.uniqueClient("phone"), "customFields", Map.of("contract", "C-6", "seats", "40"));
        given().auth().oauth2(agent).contentType(ContentType.JSON).body(with(base, "clientPhone", "0151 1234567"))
                .post("/api/tickets").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("clientPhone"));
        String id = given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(with(base, "clientPhone", "+49 151 1234-5678"))
                .post("/api/tickets").then().statusCode(201).body("clientPhone", equalTo("+4915112345678"))
                .extract().path("id");

        TicketCreated created = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.TICKET_CREATED.topic(),
                record -> record.key().equals(id)).value(), TicketCreated.class);
        assertEquals("+4915112345678", created.clientPhone());
        assertEquals(Map.of("contract", "C-6", "seats", "40"), created.customFields());

        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("version", version(id), "clientPhone", "12345"))
                .patch("/api/tickets/{id}", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("clientPhone"));
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("version", version(id), "clientPhone", "+33612345678",
                        "customFields", Map.of("contract", "C-7", "seats", 40)))
                .patch("/api/tickets/{id}", id)
                .then().statusCode(200).body("clientPhone", equalTo("+33612345678"));
        TicketUpdated updated = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.TICKET_UPDATED.topic(),
                record -> record.key().equals(id)).value(), TicketUpdated.class);
        assertEquals(List.of(new FieldChange("clientPhone", "+4915112345678", "+33612345678"),
                new FieldChange("customFields.contract", "C-6", "C-7")), updated.changes());
        assertEquals("+33612345678", updated.ticket().clientPhone());
        assertEquals(Map.of("contract", "C-7", "seats", "40"), updated.ticket().customFields());

        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("version", version(id), "clientPhone", ""))
                .patch("/api/tickets/{id}", id)
                .then().statusCode(200).body("clientPhone", equalTo(null));
    }

    @Test
    void aTypeTheAgentMayNotManageCannotBeChosen() {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "Billing"))
                .post("/api/admin/projects/{key}/types", project).then().statusCode(201);
        String id = TestProjects.openTicket(agent, project, Map.of("customFields", Map.of("contract", "C-4")));

        given().auth().oauth2(agent).contentType(ContentType.JSON).body(Map.of("version", version(id), "type", "Billing"))
                .patch("/api/tickets/{id}", id)
                .then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("version", version(id), "type", "Billing"))
                .patch("/api/tickets/{id}", id)
                .then().statusCode(200).body("type", equalTo("Billing"));
        given().auth().oauth2(agent).get("/api/tickets/{id}", id).then().statusCode(404);
    }

    @Test
    void claimingAndAssigningArePublishedAndLimitedToAllowedAgents() {
        String id = TestProjects.openTicket(agent, project, Map.of("customFields", Map.of("contract", "C-5")));

        long claimed = given().auth().oauth2(agent).contentType(ContentType.JSON).body(Map.of("version", version(id)))
                .post("/api/tickets/{id}/claim", id)
                .then().statusCode(200).body("assignees", contains("agent"))
                .extract().jsonPath().getLong("version");
        TicketAssigned assigned = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.TICKET_ASSIGNED.topic(),
                record -> record.key().equals(id)).value(), TicketAssigned.class);
        assertEquals(List.of("agent"), assigned.ticket().assignees());
        assertEquals(List.of(), assigned.previousAssignees());
        assertEquals(claimed, assigned.version());

        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("version", claimed, "assignees", List.of("agent", "mallory")))
                .put("/api/tickets/{id}/assignees", id)
                .then().statusCode(400).body("errors[0].field", equalTo("assignees"))
                .body("detail", containsString("mallory"));
        given().auth().oauth2(agent).queryParam("project", project).queryParam("assignee", "me").get("/api/tickets")
                .then().body("id", contains(id));

        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("version", claimed, "assignees", List.of()))
                .put("/api/tickets/{id}/assignees", id)
                .then().statusCode(200).body("assignees", empty());
        given().auth().oauth2(agent).queryParam("project", project).queryParam("assignee", "none").get("/api/tickets")
                .then().body("id", contains(id));
        given().auth().oauth2(agent).get("/api/tickets/{id}", id).then()
                .body("history.findAll { it.action == 'assigned' }.detail", contains(" -> agent", "agent -> "));
    }

    private long version(String id) {
        return given().auth().oauth2(agent).get("/api/tickets/{id}", id).then().statusCode(200)
                .extract().jsonPath().getLong("ticket.version");
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
