package dev.relaydesk.providers.webhook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented webhook contract stays true to the event contracts it carries. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class WebhookContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theOpenApiDocumentsTheWebhookWithExamplesThatAreTheProducersOwnEvents() throws Exception {
        JsonNode document = JSON.readTree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        JsonNode examples = document.at("/webhooks/ticketEvent/post/requestBody/content/application~1json/examples");
        for (EventType type : List.of(EventType.TICKET_CREATED, EventType.NOTE_ADDED, EventType.TICKET_STAGE_CHANGED)) {
            JsonNode example = examples.path(type.topic()).path("value");
            assertEquals(type.topic(), example.path("type").asText(), type.topic() + " example");
            Object documented = EventJson.read(example.path("data").toString(), type.recordClass());
            assertEquals(EventFixtures.event(type), documented, "the documented " + type.topic() + " is the golden event");
        }
        assertEquals(List.of("data", "id", "timestamp", "type"), sorted(document.at("/components/schemas/WebhookEvent/required")));
    }

    private static List<String> sorted(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values.stream().sorted().toList();
    }
}
