package dev.relaydesk.providers.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * The body of every event webhook, version 1:
 * <pre>{"type": "NoteAdded", "id": "&lt;event id&gt;", "timestamp": "2026-11-23T14:00:00Z", "data": {...the event...}}</pre>
 * {@code type} is the event's name (its topic), {@code id} the event id (also the {@code webhook-id} header),
 * {@code data} the event exactly as ticket-service published it.
 */
final class WebhookPayload {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WebhookPayload() {
    }

    static String body(String type, String eventId, Instant timestamp, JsonNode data) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("type", type);
        body.put("id", eventId);
        body.put("timestamp", timestamp.toString());
        body.set("data", data);
        return body.toString();
    }

    static JsonNode parse(String eventJson) {
        try {
            return MAPPER.readTree(eventJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The project of a ticket event: top-level on the first event types, in the ticket snapshot on later ones. */
    static Optional<String> projectKey(JsonNode event) {
        JsonNode key = event.path("projectKey");
        if (key.isMissingNode() || key.isNull()) {
            key = event.path("ticket").path("projectKey");
        }
        return key.isTextual() ? Optional.of(key.asText()) : Optional.empty();
    }
}
