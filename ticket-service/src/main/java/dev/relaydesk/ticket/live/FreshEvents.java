package dev.relaydesk.ticket.live;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Says whether an event is news for the live pages: Kafka delivers at least once and each event type has
 * its own topic, so a record may come twice (same CloudEvent id) or after a newer change of the same ticket
 * (lower version). Both are dropped. Several events of one change share a version (a move into the last
 * stage is TicketStageChanged and TicketClosed), so an equal version is still news.
 * Bounded: it forgets the least recently seen tickets and ids.
 */
final class FreshEvents {

    private final Map<String, Boolean> seenIds;
    private final Map<UUID, Long> highestVersions;

    FreshEvents(int capacity) {
        this.seenIds = bounded(capacity);
        this.highestVersions = bounded(capacity);
    }

    synchronized boolean isNews(String eventId, UUID ticketId, long version) {
        if (seenIds.put(eventId, Boolean.TRUE) != null) {
            return false;
        }
        Long highest = highestVersions.get(ticketId);
        if (highest != null && version < highest) {
            return false;
        }
        highestVersions.put(ticketId, version);
        return true;
    }

    private static <K, V> Map<K, V> bounded(int capacity) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
