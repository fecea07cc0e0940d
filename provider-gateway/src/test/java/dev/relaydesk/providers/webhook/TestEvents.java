package dev.relaydesk.providers.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.RelaydeskEvent;
import dev.relaydesk.events.fixtures.EventFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/** The producers' golden events, moved to a ticket, version and project of the test's own. */
final class TestEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestEvents() {
    }

    static RelaydeskEvent of(EventType type, UUID ticketId, long version, String projectKey) {
        try {
            ObjectNode json = (ObjectNode) MAPPER.readTree(EventFixtures.json(type));
            if (json.has("ticket")) {
                ObjectNode ticket = (ObjectNode) json.get("ticket");
                ticket.put("id", ticketId.toString());
                ticket.put("projectKey", projectKey);
            } else {
                json.put("ticketId", ticketId.toString());
                json.put("projectKey", projectKey);
            }
            json.put("version", version);
            return EventJson.read(json.toString(), type.recordClass());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A project key no other test uses, so late events of one test never reach another's subscription. */
    static String uniqueProject() {
        return "P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
