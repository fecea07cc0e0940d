package dev.relaydesk.notification.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.EventType;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.notification.delivery.Delivery.Status;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * TicketCreated from the real broker queues one confirmation, however often it comes. portal-service is not
 * running here, so minting the link fails: the delivery must stay queued for a later retry, not be lost.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class ConfirmationQueueTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void oneConfirmationPerTicketRetriedWhileThePortalIsUnreachable() {
        TicketCreated golden = EventFixtures.event(EventType.TICKET_CREATED);
        TicketCreated ticket = new TicketCreated(UUID.randomUUID(), 0, golden.number(), golden.projectKey(),
                golden.projectName(), golden.projectAddress(), golden.title(), golden.description(),
                golden.clientEmail(), golden.clientName(), golden.status(), golden.stage(), golden.source(),
                golden.threadMessageId(), golden.createdAt(), golden.type(), golden.priority(),
                golden.clientOrganization());
        String eventId = UUID.randomUUID().toString();

        KafkaEvents.publish(kafka, ticket, eventId);
        KafkaEvents.publish(kafka, ticket, eventId);
        KafkaEvents.publish(kafka, ticket, UUID.randomUUID().toString());

        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.TICKET_CREATED.topic());
        // tried, failed, and tried again after its backoff: still owed, not lost
        Delivery delivery = await().atMost(Duration.ofSeconds(30)).until(() -> confirmationOf(ticket.ticketId()),
                found -> found != null && found.attempts >= 2);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Delivery.count("ticketId", ticket.ticketId())));
        assertEquals(Status.FAILED, delivery.status, "failed, with its next attempt scheduled: still owed, not given up");
        assertEquals(golden.clientEmail(), delivery.recipientEmail);
        // the portal refuses connections; after a few failures the circuit breaker answers for it
        assertTrue(delivery.lastError.contains("Connection refused") || delivery.lastError.contains("circuit breaker is open"),
                delivery.lastError);
    }

    private static Delivery confirmationOf(UUID ticketId) {
        return QuarkusTransaction.requiringNew().call(() ->
                Delivery.<Delivery>find("ticketId", ticketId).firstResult());
    }
}
