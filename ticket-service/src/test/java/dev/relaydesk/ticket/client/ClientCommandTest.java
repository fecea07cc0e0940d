package dev.relaydesk.ticket.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.ticket.TestProjects;
import dev.relaydesk.ticket.TestTickets;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** What portal-service asks on a client's behalf: scoped to that client's ticket, each request once. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class ClientCommandTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "relaydesk.internal.api-key")
    String internalKey;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");

    @Test
    void aClientCommentCountsOnceHoweverOftenTheRequestIsSent() {
        String client = uniqueClient();
        String id = ticketOf(client);
        Map<String, Object> comment = Map.of("requestId", UUID.randomUUID(), "clientEmail", client,
                "body", "Still broken after the restart.");

        internal().body(comment).post("/internal/tickets/{id}/client/notes", id).then().statusCode(200);
        internal().body(comment).post("/internal/tickets/{id}/client/notes", id).then().statusCode(200);

        given().auth().oauth2(admin).get("/api/tickets/{id}", id).then().statusCode(200)
                .body("notes", hasSize(1))
                .body("notes[0].authorType", equalTo("CLIENT"))
                .body("notes[0].body", equalTo("Still broken after the restart."))
                .body("ticket.unread", equalTo(true));
    }

    @Test
    void theClientClosesAndReopensTheirTicket() {
        String client = uniqueClient();
        String id = ticketOf(client);

        internal().body(Map.of("requestId", UUID.randomUUID(), "clientEmail", client))
                .post("/internal/tickets/{id}/client/close", id).then().statusCode(200).body("status", equalTo("CLOSED"));
        TicketClosed closed = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.TICKET_CLOSED.topic(),
                record -> record.key().equals(id)).value(), TicketClosed.class);
        assertEquals(NoteAuthor.CLIENT, closed.closedBy());

        internal().body(Map.of("requestId", UUID.randomUUID(), "clientEmail", client.toUpperCase()))
                .post("/internal/tickets/{id}/client/reopen", id).then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void anotherClientsTicketIsNotFoundAndTheKeyIsRequired() {
        String id = ticketOf(uniqueClient());

        internal().body(Map.of("requestId", UUID.randomUUID(), "clientEmail", "intruder@example.com", "body", "hi"))
                .post("/internal/tickets/{id}/client/notes", id).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("requestId", UUID.randomUUID(), "clientEmail", "x@example.com"))
                .post("/internal/tickets/{id}/client/close", id).then().statusCode(401);
        given().auth().oauth2(admin).get("/api/tickets/{id}", id).then().body("notes", hasSize(0))
                .body("ticket.status", equalTo("OPEN"));
    }

    @Test
    void aClientOpensATicketFromTheWebFormOnceHoweverOftenTheFormIsSent() {
        String client = TestTickets.uniqueClient("form");
        Map<String, Object> form = Map.of("requestId", UUID.randomUUID(), "source", "WEB_FORM", "clientEmail", client,
                "clientName", "Form Client", "title", "Invoice is wrong", "description", "Line 3 is billed twice.");

        String id = internal().body(form).post("/internal/tickets").then().statusCode(201)
                .body("source", equalTo("WEB_FORM")).body("unread", equalTo(true)).extract().path("id");
        internal().body(form).post("/internal/tickets").then().statusCode(200).body("id", equalTo(id));
        internal().body(Map.of("requestId", UUID.randomUUID(), "source", "AGENT", "clientEmail", client,
                "title", "x", "description", "y")).post("/internal/tickets")
                .then().statusCode(400).body("errors[0].field", equalTo("source"));

        given().auth().oauth2(admin).queryParam("clientEmail", client).get("/api/tickets").then()
                .body("id", org.hamcrest.Matchers.contains(id));
    }

    /** A type that asks for it names its agents on tickets clients open; tickets agents open name nobody. */
    @Test
    void theAgentsOfATypeThatWantsToKnowAreNamedOnNewClientTickets() {
        String project = TestProjects.create(admin, "NT");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("notifyAgentsOnNew", true))
                .patch("/api/admin/projects/{key}/types/General", project).then().statusCode(200);

        String fromClient = internal().body(Map.of("requestId", UUID.randomUUID(), "source", "WEB_FORM",
                        "clientEmail", TestTickets.uniqueClient("notify"), "project", project, "title", "Printer",
                        "description", "Jammed")).post("/internal/tickets").then().statusCode(201).extract().path("id");
        String byAgent = TestProjects.openTicket(KeycloakTokens.accessToken("agent", "agent"), project, Map.of());

        assertEquals(List.of("agent"), created(fromClient).agentsToNotify());
        assertEquals(List.of(), created(byAgent).agentsToNotify());
    }

    /** The web form's optional mobile number is checked and travels on TicketCreated for SMS updates. */
    @Test
    void aClientsMobileNumberFromTheFormIsCheckedAndCarried() {
        Map<String, Object> form = new java.util.HashMap<>(Map.of("requestId", UUID.randomUUID(), "source", "WEB_FORM",
                "clientEmail", TestTickets.uniqueClient("sms"), "title", "Text me", "description", "Please.",
                "clientPhone", "555-1234"));
        internal().body(form).post("/internal/tickets").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("clientPhone"));

        form.put("clientPhone", "+44 7700 900123");
        String id = internal().body(form).post("/internal/tickets").then().statusCode(201)
                .body("clientPhone", equalTo("+447700900123")).extract().path("id");

        assertEquals("+447700900123", created(id).clientPhone());
    }

    private TicketCreated created(String ticketId) {
        return EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.TICKET_CREATED.topic(),
                record -> record.key().equals(ticketId)).value(), TicketCreated.class);
    }

    @Test
    void thePortalLearnsWhetherAProjectExistsForItsWebForm() {
        internal().get("/internal/projects/SUP").then().statusCode(200)
                .body("key", equalTo("SUP")).body("name", equalTo("Support"))
                .body("types", contains("General")).body("defaultType", equalTo("General"));
        internal().get("/internal/projects/NOPE").then().statusCode(404);
        given().get("/internal/projects/SUP").then().statusCode(401);
    }

    /** The portal lets clients edit what the portal profile allows; ticket-service checks the values and tells everyone. */
    @Test
    void aClientEditsTheirTicketsDetailsOnceAndEveryoneHearsOfIt() {
        String project = TestProjects.create(admin, "ED");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", "plan", "label", "Plan", "type", "SELECT", "options", List.of("Basic", "Pro")))
                .post("/api/admin/projects/{key}/fields", project).then().statusCode(201);
        String client = TestTickets.uniqueClient("edit");
        String id = internal().body(Map.of("requestId", UUID.randomUUID(), "source", "WEB_FORM", "clientEmail", client,
                "project", project, "title", "Upgrade", "description", "Please")).post("/internal/tickets")
                .then().statusCode(201).extract().path("id");

        internal().queryParam("clientEmail", client).get("/internal/tickets/{id}/client", id).then().statusCode(200)
                .body("priority", equalTo("NORMAL")).body("types", contains("General"))
                .body("fields.key", contains("plan"));
        internal().body(Map.of("requestId", UUID.randomUUID(), "clientEmail", client, "customFields", Map.of("plan", "Gold")))
                .post("/internal/tickets/{id}/client/details", id).then().statusCode(400)
                .body("errors[0].field", equalTo("customFields.plan"));
        Map<String, Object> edit = Map.of("requestId", UUID.randomUUID(), "clientEmail", client, "priority", "HIGH",
                "customFields", Map.of("plan", "Pro"));
        internal().body(edit).post("/internal/tickets/{id}/client/details", id).then().statusCode(200)
                .body("priority", equalTo("HIGH"));
        internal().body(edit).post("/internal/tickets/{id}/client/details", id).then().statusCode(200);

        dev.relaydesk.events.TicketUpdated updated = EventJson.read(KafkaEvents.awaitRecord(kafka,
                EventType.TICKET_UPDATED.topic(), record -> record.key().equals(id)).value(),
                dev.relaydesk.events.TicketUpdated.class);
        assertEquals(client, updated.actor());
        assertEquals(List.of("priority", "customFields.plan"),
                updated.changes().stream().map(dev.relaydesk.events.TicketUpdated.FieldChange::field).toList());
        given().auth().oauth2(admin).get("/api/tickets/{id}", id).then().statusCode(200)
                .body("customFields.plan", equalTo("Pro")).body("ticket.version", equalTo(1));
        internal().body(Map.of("requestId", UUID.randomUUID(), "clientEmail", "intruder@example.com", "priority", "LOW"))
                .post("/internal/tickets/{id}/client/details", id).then().statusCode(404);
    }

    /** The portal's forms offer a project's custom fields; the "add ticket" form of logged-in clients, the default project's. */
    @Test
    void thePortalLearnsAProjectsCustomFieldsAndWhichProjectIsTheDefault() {
        String key = "CF" + (System.nanoTime() % 100_000_000);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(java.util.Map.of("key", key, "name", "Billing", "inboundAddress", key.toLowerCase() + "@relaydesk.test"))
                .post("/api/admin/projects").then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(java.util.Map.of("key", "customerId", "label", "Customer id", "type", "TEXT", "required", true))
                .post("/api/admin/projects/{key}/fields", key).then().statusCode(anyOf(equalTo(200), equalTo(201)));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(java.util.Map.of("key", "plan", "label", "Plan", "type", "SELECT", "options", java.util.List.of("Basic", "Pro")))
                .post("/api/admin/projects/{key}/fields", key).then().statusCode(anyOf(equalTo(200), equalTo(201)));

        internal().get("/internal/projects/{key}", key).then().statusCode(200)
                .body("customFields.key", contains("customerId", "plan"))
                .body("customFields[0].label", equalTo("Customer id"))
                .body("customFields[0].required", equalTo(true))
                .body("customFields[1].type", equalTo("SELECT"))
                .body("customFields[1].options", contains("Basic", "Pro"));
        internal().get("/internal/default-project").then().statusCode(200).body("key", equalTo("SUP"));
        given().get("/internal/default-project").then().statusCode(401);
    }

    private RequestSpecification internal() {
        return given().header("X-Relaydesk-Internal-Key", internalKey).contentType(ContentType.JSON);
    }

    private String ticketOf(String client) {
        return TestTickets.openByMail(kafka, admin, client, "Help");
    }

    private static String uniqueClient() {
        return TestTickets.uniqueClient("client");
    }
}
