package dev.relaydesk.notification.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.EventType;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.notification.delivery.Delivery.Status;
import dev.relaydesk.notification.delivery.RecordingMailServer.Accepted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Mails queued together go out in one dispatch pass over one SMTP connection, each exactly once, and a recipient the
 * mail server refuses fails only its own delivery.
 */
@QuarkusTest
@WithTestResource(RecordingMailServer.class)
class DispatchPassTest {

    private static final int MAILS = 6;

    @Inject
    Deliveries deliveries;

    @Test
    void mailsQueuedTogetherShareOneConnectionAndArriveOnceEach() {
        List<UUID> tickets = queueClosingNotices(List.of("a", "b", "c", "d", "e", "f"));

        await().atMost(Duration.ofSeconds(120)).until(() -> count(tickets, Status.SENT) == MAILS);

        List<Accepted> received = acceptedFor(tickets);
        assertEquals(MAILS, received.size(), "each mail arrived once: " + received);
        assertEquals(1, received.stream().map(Accepted::connection).distinct().count(),
                "one connection for the pass: " + received);
        for (Delivery delivery : deliveriesOf(tickets)) {
            assertEquals(1, delivery.attempts);
            assertEquals(1, attemptsOf(delivery.id).size(), "one line in the delivery log");
        }
    }

    @Test
    void aRefusedRecipientFailsOnlyItsOwnDelivery() {
        List<UUID> tickets = queueClosingNotices(List.of("a", "b", RecordingMailServer.REFUSED_PREFIX + "c", "d", "e", "f"));
        UUID refusedTicket = tickets.get(2);

        await().atMost(Duration.ofSeconds(120)).until(() -> count(tickets, Status.SENT) == MAILS - 1
                && count(List.of(refusedTicket), Status.FAILED) == 1);

        Map<UUID, Delivery> byTicket = deliveriesOf(tickets).stream()
                .collect(Collectors.toMap(delivery -> delivery.ticketId, Function.identity()));
        Delivery refused = byTicket.get(refusedTicket);
        assertEquals(1, refused.attempts);
        assertTrue(refused.lastError.contains("550"), refused.lastError);
        List<DeliveryAttempt> refusedLog = attemptsOf(refused.id);
        assertEquals(List.of(DeliveryAttempt.Outcome.FAILED), refusedLog.stream().map(attempt -> attempt.outcome).toList());
        for (UUID ticket : tickets) {
            if (!ticket.equals(refusedTicket)) {
                Delivery sent = byTicket.get(ticket);
                assertEquals(Status.SENT, sent.status, "the others went out: " + sent.recipientEmail);
                assertEquals(1, sent.attempts);
                List<DeliveryAttempt> log = attemptsOf(sent.id);
                assertEquals(1, log.size());
                assertEquals(DeliveryAttempt.Outcome.SENT, log.get(0).outcome);
                assertTrue(log.get(0).answer.startsWith("250"), log.get(0).answer);
            }
        }

        // the refused one is tried again after its backoff, alone: the others are not sent a second time
        await().atMost(Duration.ofSeconds(120)).until(() -> deliveriesOf(List.of(refusedTicket)).get(0).attempts >= 2);
        List<Accepted> received = acceptedFor(tickets);
        assertEquals(MAILS - 1, received.size(), "each accepted mail arrived once: " + received);
        assertEquals(MAILS - 1, received.stream().map(Accepted::messageId).distinct().count());
        assertTrue(received.stream().map(Accepted::connection).distinct().count() <= 2,
                "one connection before the refusal, one after it: " + received);
    }

    /** One closing notice per client, queued in one transaction: the next pass finds them all due at once. */
    private List<UUID> queueClosingNotices(List<String> localParts) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<UUID> tickets = new ArrayList<>();
        QuarkusTransaction.requiringNew().timeout(300).run(() -> {
            for (String localPart : localParts) {
                UUID ticketId = UUID.randomUUID();
                tickets.add(ticketId);
                deliveries.onTicketClosed(closing(ticketId, localPart + "-" + run + "@example.com"));
            }
        });
        return tickets;
    }

    private static TicketClosed closing(UUID ticketId, String client) {
        TicketSnapshot g = ((TicketClosed) EventFixtures.event(EventType.TICKET_CLOSED)).ticket();
        TicketSnapshot ticket = new TicketSnapshot(ticketId, "PASS-" + ticketId.toString().substring(0, 4), "PASS",
                "Pass", g.projectAddress(), g.type(), g.title(), client, "Jane Doe", g.status(), g.stage(),
                g.threadMessageId(), g.priority(), null, List.of());
        return new TicketClosed(ticket, 2, NoteAuthor.AGENT, "agent", Instant.now());
    }

    private static List<Accepted> acceptedFor(List<UUID> tickets) {
        List<String> messageIds = deliveriesOf(tickets).stream().map(delivery -> "<" + delivery.messageId + ">").toList();
        return RecordingMailServer.accepted().stream().filter(accepted -> messageIds.contains(accepted.messageId()))
                .toList();
    }

    private static List<Delivery> deliveriesOf(List<UUID> tickets) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("ticketId in ?1", tickets));
    }

    private static List<DeliveryAttempt> attemptsOf(UUID deliveryId) {
        return QuarkusTransaction.requiringNew().call(() -> DeliveryAttempt.of(deliveryId));
    }

    private static long count(List<UUID> tickets, Status status) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.count("ticketId in ?1 and status = ?2", tickets, status));
    }
}
