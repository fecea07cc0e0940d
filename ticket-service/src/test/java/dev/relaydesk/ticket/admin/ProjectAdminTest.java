package dev.relaydesk.ticket.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.TicketStageChanged;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.ticket.TestProjects;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Admins shape a project's workflow, types and fields; the closing stage and tickets in a stage are protected. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class ProjectAdminTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private final String agent = KeycloakTokens.accessToken("agent", "agent");

    @Test
    void anAdminCreatesAProjectWithItsOwnWorkflowAndMailAddress() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", "SALES", "name", "Sales", "inboundAddress", "Sales@RelayDesk.test",
                        "stages", List.of("Lead", "Offer sent", "Won or lost"), "defaultType", "Enquiry"))
                .post("/api/admin/projects")
                .then().statusCode(201)
                .body("inboundAddress", equalTo("sales@relaydesk.test"))
                .body("stages.name", contains("Lead", "Offer sent", "Won or lost"))
                .body("stages[2].closing", equalTo(true))
                .body("defaultType", equalTo("Enquiry"));

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", "OTHER", "name", "Other", "inboundAddress", "sales@relaydesk.test"))
                .post("/api/admin/projects")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("sales@relaydesk.test"));
    }

    @Test
    void agentsCannotConfigureProjects() {
        given().auth().oauth2(agent).get("/api/admin/projects").then().statusCode(403);
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("key", "NOPE", "name", "No", "inboundAddress", "nope@relaydesk.test"))
                .post("/api/admin/projects").then().statusCode(403);
    }

    @Test
    void invalidProjectsAreRefusedNamingTheField() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", "lower", "name", "x", "inboundAddress", "not-an-address"))
                .post("/api/admin/projects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("inboundAddress", "key"));
    }

    @Test
    void stagesAreAddedBeforeTheClosingStageWhichStaysLast() {
        String key = TestProjects.create(admin, "WF");

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "Waiting for client"))
                .post("/api/admin/projects/{key}/stages", key)
                .then().statusCode(201)
                .body("stages.name", contains("New", "In progress", "Waiting for client", "Closed"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "After closed", "position", 4))
                .post("/api/admin/projects/{key}/stages", key)
                .then().statusCode(400).body("errors[0].field", equalTo("position"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("stages", List.of("Closed", "New", "In progress", "Waiting for client")))
                .put("/api/admin/projects/{key}/stages", key)
                .then().statusCode(400).body("detail", containsString("must stay last"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("stages", List.of("Waiting for client", "New", "In progress", "Closed")))
                .put("/api/admin/projects/{key}/stages", key)
                .then().statusCode(200)
                .body("stages.name", contains("Waiting for client", "New", "In progress", "Closed"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "Done"))
                .patch("/api/admin/projects/{key}/stages/{stage}", key, "Closed")
                .then().statusCode(200).body("stages[3].name", equalTo("Done")).body("stages[3].closing", equalTo(true));
    }

    @Test
    void aStageHoldingTicketsIsOnlyRemovedByMovingThem() {
        String key = TestProjects.create(admin, "DEL");
        String ticket = TestProjects.openTicket(agent, key, Map.of());
        long version = given().auth().oauth2(agent).get("/api/tickets/{id}", ticket).then().extract().jsonPath()
                .getLong("ticket.version");
        given().auth().oauth2(agent).contentType(ContentType.JSON).body(Map.of("stage", "In progress", "version", version))
                .put("/api/tickets/{id}/stage", ticket).then().statusCode(200);

        given().auth().oauth2(admin).delete("/api/admin/projects/{key}/stages/{stage}", key, "In progress")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("holds 1 ticket"));
        given().auth().oauth2(admin).delete("/api/admin/projects/{key}/stages/{stage}", key, "Closed")
                .then().statusCode(409).body("detail", containsString("closing stage"));
        given().auth().oauth2(agent).get("/api/tickets/{id}", ticket).then().body("ticket.stage", equalTo("In progress"));

        given().auth().oauth2(admin).queryParam("moveTo", "New")
                .delete("/api/admin/projects/{key}/stages/{stage}", key, "In progress")
                .then().statusCode(200).body("stages.name", contains("New", "Closed"))
                .body("stages[0].tickets", equalTo(1));
        given().auth().oauth2(agent).get("/api/tickets/{id}", ticket).then()
                .body("ticket.stage", equalTo("New")).body("ticket.status", equalTo("OPEN"));
        TicketStageChanged moved = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.TICKET_STAGE_CHANGED.topic(),
                record -> record.key().equals(ticket) && record.value().contains("\"fromStage\":\"In progress\"")).value(),
                TicketStageChanged.class);
        assertEquals("New", moved.ticket().stage());
        assertEquals("admin", moved.actor());
    }

    @Test
    void typesGetTheirAgentsAndFieldsTheirTypes() {
        String key = TestProjects.create(admin, "TYP");

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "Printers", "notifyAgentsOnNew", false))
                .post("/api/admin/projects/{key}/types", key).then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("agents", List.of("agent", "sam")))
                .put("/api/admin/projects/{key}/types/{type}/agents", key, "Printers")
                .then().statusCode(200)
                .body("types.find { it.name == 'Printers' }.agents", contains("agent", "sam"))
                .body("types.find { it.name == 'Printers' }.notifyAgentsOnNew", equalTo(false));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "printers"))
                .post("/api/admin/projects/{key}/types", key).then().statusCode(409);

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", "model", "label", "Printer model", "type", "SELECT", "required", true,
                        "options", List.of("LaserJet", "OfficeJet")))
                .post("/api/admin/projects/{key}/fields", key)
                .then().statusCode(201).body("customFields.key", hasItem("model"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", "color", "label", "Colour", "type", "SELECT"))
                .post("/api/admin/projects/{key}/fields", key)
                .then().statusCode(400).body("errors[0].field", equalTo("options"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", "size", "label", "Size", "type", "HUGE"))
                .post("/api/admin/projects/{key}/fields", key)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("type"));
    }
}
