package dev.relaydesk.notification.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.AccessCodeRequested;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.notification.delivery.Delivery.Status;
import dev.relaydesk.notification.template.MailKind;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.MailParts;
import dev.relaydesk.testsupport.Mailboxes;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * portal-service's request for a one-time code becomes one automatic mail to the client with the code it fetches
 * from portal-service, in the browser's language, however often the event comes; neither the event nor the delivery
 * log holds the code.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
@WithTestResource(PortalCodesStandIn.class)
class AccessCodeMailTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void theCodeIsMailedOnceInTheBrowsersLanguageAndForgottenOnceSent() throws Exception {
        String client = "code-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        AccessCodeRequested requested = requested(client, "de", "493017", Instant.now().plus(Duration.ofMinutes(10)));
        assertFalse(dev.relaydesk.events.EventJson.write(requested).contains("493017"));
        String eventId = UUID.randomUUID().toString();

        KafkaEvents.publish(kafka, requested, eventId);
        KafkaEvents.publish(kafka, requested, eventId);

        MimeMessage mail = Mailboxes.awaitMessage(client, message -> true);
        assertEquals("[" + requested.number() + "] Ihr Code: 493017", mail.getSubject());
        String text = MailParts.text(mail);
        assertTrue(text.startsWith("Hallo Jane,"), text);
        assertTrue(text.lines().anyMatch(line -> line.strip().equals("493017")), "the code on a line of its own");
        assertTrue(text.contains("Der Code gilt 10 Minuten"), text);
        assertTrue(MailParts.html(mail).contains("493017"));
        assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null));
        assertEquals("no-reply@relaydesk.test", ((InternetAddress) mail.getFrom()[0]).getAddress());
        assertNull(mail.getHeader("Reply-To"), "no reply token: nothing comes back to the ticket");
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.ACCESS_CODE_REQUESTED.topic());
        assertEquals(1, Mailboxes.messages(client).size(), "the redelivered event sends nothing new");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Delivery logged = QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>find(
                    "kind = ?1 and subjectKey = ?2", MailKind.ACCESS_CODE, "access-code:" + requested.requestId())
                    .singleResult());
            assertEquals(Status.SENT, logged.status);
            assertEquals(client, logged.recipientEmail);
            assertFalse(logged.payload.contains("493017"), "the delivery log never holds the code");
        });
    }

    @Test
    void aLanguageWithoutTemplatesFallsBackAndAnExpiredOrReplacedCodeIsNotSent() throws Exception {
        String client = "late-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        KafkaEvents.publish(kafka, requested(client, "xx", "111111", Instant.now().minusSeconds(1)),
                UUID.randomUUID().toString());
        AccessCodeRequested replaced = requested(client, "xx", "333333", Instant.now().plus(Duration.ofMinutes(10)));
        PortalCodesStandIn.CODES.remove(replaced.requestId()); // portal-service answers 410 Gone
        KafkaEvents.publish(kafka, replaced, UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, requested(client, "xx", "222222", Instant.now().plus(Duration.ofMinutes(10))),
                UUID.randomUUID().toString());

        MimeMessage mail = Mailboxes.awaitMessage(client, message -> true);
        assertTrue(mail.getSubject().endsWith("Your code: 222222"), mail.getSubject());
        assertTrue(MailParts.text(mail).contains("valid for 10 minutes"));
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.ACCESS_CODE_REQUESTED.topic());
        assertEquals(1, Mailboxes.messages(client).size(), "the expired and the replaced requests send nothing");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(Status.GIVEN_UP,
                QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>find("kind = ?1 and subjectKey = ?2",
                        MailKind.ACCESS_CODE, "access-code:" + replaced.requestId()).singleResult().status)));
    }

    private static AccessCodeRequested requested(String client, String language, String code, Instant expiresAt) {
        AccessCodeRequested golden = EventFixtures.event(EventType.ACCESS_CODE_REQUESTED);
        UUID requestId = UUID.randomUUID();
        PortalCodesStandIn.CODES.put(requestId, code);
        return new AccessCodeRequested(requestId, UUID.randomUUID(), golden.number(), golden.projectKey(),
                golden.title(), client, golden.clientName(), language, expiresAt.minus(Duration.ofMinutes(10)),
                expiresAt);
    }
}
