package dev.relaydesk.ticket.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class FreshEventsTest {

    private final FreshEvents fresh = new FreshEvents(100);
    private final UUID ticket = UUID.randomUUID();

    @Test
    void aRedeliveredEventIsNotNewsTwice() {
        assertTrue(fresh.isNews("e1", ticket, 3));
        assertFalse(fresh.isNews("e1", ticket, 3));
    }

    @Test
    void anOlderVersionArrivingLateIsDropped() {
        assertTrue(fresh.isNews("e2", ticket, 5));
        assertFalse(fresh.isNews("e1", ticket, 4));
    }

    @Test
    void eventsOfOneChangeShareAVersionAndAllCount() {
        assertTrue(fresh.isNews("stage-changed", ticket, 7));
        assertTrue(fresh.isNews("closed", ticket, 7));
    }

    @Test
    void ticketsAreIndependent() {
        assertTrue(fresh.isNews("a", ticket, 9));
        assertTrue(fresh.isNews("b", UUID.randomUUID(), 1));
    }

    @Test
    void itForgetsTheLeastRecentWhenFull() {
        FreshEvents small = new FreshEvents(2);
        assertTrue(small.isNews("a", ticket, 1));
        assertTrue(small.isNews("b", UUID.randomUUID(), 1));
        assertTrue(small.isNews("c", UUID.randomUUID(), 1));
        assertTrue(small.isNews("a", ticket, 1), "forgotten, so news again (bounded memory beats a perfect record)");
    }
}
