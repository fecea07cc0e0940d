package dev.relaydesk.mailingest.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.MailReceived;
import dev.relaydesk.mailingest.inbound.InboundMessage;
import dev.relaydesk.mailingest.inbound.InboundMessage.Status;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Real SMTP sessions against the receiver; outcomes read from the real broker and database. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class SmtpReceiverTest {

    @Inject
    SmtpReceiver receiver;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void anAcceptedMailIsPublishedWithWhatTicketsNeed() throws IOException {
        String messageId = UUID.randomUUID() + "@mail.example.com";
        String mail = """
                From: =?UTF-8?Q?Ren=C3=A9e_Durand?= <renee@example.com>
                To: Support <support+billing@relaydesk.test>
                Subject: =?UTF-8?B?RmFjdHVyZSBlcnJvbsOpZQ==?=
                Message-ID: <%s>
                In-Reply-To: <earlier@example.com>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: quoted-printable

                Bonjour, la facture est erron=E9e.
                """.formatted(messageId);

        assertEquals(250, deliver("renee@example.com", "support+billing@relaydesk.test", mail));

        MailReceived published = awaitPublished(messageId);
        assertEquals("renee@example.com", published.fromAddress());
        assertEquals("Renée Durand", published.fromName());
        assertEquals("Facture erronée", published.subject());
        assertEquals("Bonjour, la facture est erronée.", published.textBody());
        assertEquals(List.of("earlier@example.com"), published.inReplyTo());
        assertTrue(published.recipients().contains("support+billing@relaydesk.test"));
    }

    @Test
    void theSameMessageTwiceIsStoredAndPublishedOnce() throws IOException {
        String messageId = UUID.randomUUID() + "@example.com";
        String mail = plainMail("twice@example.com", messageId, "Sent twice");

        assertEquals(250, deliver("twice@example.com", "support@relaydesk.test", mail));
        assertEquals(250, deliver("twice@example.com", "support@relaydesk.test", mail));
        // the same mail by another route: other trace headers, same Message-ID
        assertEquals(250, deliver("twice@example.com", "support@relaydesk.test",
                "Received: from relay2.example.com by mx.relaydesk.test\r\n" + mail));

        awaitPublished(messageId);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> InboundMessage.count("messageId", messageId)));
    }

    @Test
    void autoRepliesAndBouncesAreKeptButNeverPublished() throws IOException {
        String autoReply = UUID.randomUUID() + "@example.com";
        String bounce = UUID.randomUUID() + "@example.com";
        deliver("away@example.com", "support@relaydesk.test",
                "Auto-Submitted: auto-replied\r\n" + plainMail("away@example.com", autoReply, "Out of office"));
        deliver("", "support@relaydesk.test", plainMail("mailer-daemon@example.com", bounce, "Undelivered Mail"));

        assertEquals(Status.IGNORED, statusOf(autoReply));
        assertEquals(Status.IGNORED, statusOf(bounce));
        // a later, ordinary mail is published; the ignored ones never are
        String ordinary = UUID.randomUUID() + "@example.com";
        deliver("person@example.com", "support@relaydesk.test", plainMail("person@example.com", ordinary, "Hello"));
        awaitPublished(ordinary);
        assertFalse(KafkaEvents.records(kafka, EventType.MAIL_RECEIVED.topic()).stream()
                .map(record -> EventJson.read(record.value(), MailReceived.class).messageId())
                .anyMatch(id -> id.equals(autoReply) || id.equals(bounce)));
    }

    @Test
    void aMessageWithoutSenderIsQuarantinedNotLost() throws IOException {
        String messageId = UUID.randomUUID() + "@example.com";
        String noFrom = "To: support@relaydesk.test\r\nSubject: who am I\r\nMessage-ID: <" + messageId + ">\r\n\r\nbody";

        assertEquals(250, deliver("someone@example.com", "support@relaydesk.test", noFrom));

        InboundMessage stored = QuarkusTransaction.requiringNew().call(() ->
                InboundMessage.<InboundMessage>find("envelopeFrom = ?1 and status = ?2", "someone@example.com",
                        Status.QUARANTINED).firstResult());
        assertTrue(stored.reason.contains("No sender"));
        assertTrue(new String(stored.raw).contains("who am I"));
    }

    @Test
    void anEmptyMessageGetsAPermanentSmtpError() throws IOException {
        try (SmtpDialogue smtp = new SmtpDialogue(receiver.port())) {
            assertEquals(250, smtp.command("EHLO test.example.com"));
            assertEquals(250, smtp.command("MAIL FROM:<empty@example.com>"));
            assertEquals(250, smtp.command("RCPT TO:<support@relaydesk.test>"));
            assertEquals(354, smtp.command("DATA"));
            assertEquals(554, smtp.body(""));
        }
    }

    @Test
    void aMessageAboveTheSizeLimitIsRefusedWhetherDeclaredOrNot() throws IOException {
        String messageId = UUID.randomUUID() + "@big.example.com";
        String line = "x".repeat(76) + "\r\n";
        String huge = plainMail("big@example.com", messageId, "Too big") + line.repeat(70_000 / line.length());
        try (SmtpDialogue smtp = new SmtpDialogue(receiver.port())) {
            assertEquals(250, smtp.command("EHLO test.example.com"));
            assertEquals(552, smtp.command("MAIL FROM:<big@example.com> SIZE=70000"));
            // a sender that does not declare the size finds out after sending it
            assertEquals(250, smtp.command("MAIL FROM:<big@example.com>"));
            assertEquals(250, smtp.command("RCPT TO:<support@relaydesk.test>"));
            assertEquals(354, smtp.command("DATA"));
            assertEquals(552, smtp.body(huge));
            assertEquals(250, smtp.command("RSET"), "the session is still in step");
        }
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> InboundMessage.count("messageId", messageId)));
    }

    @Test
    void aRecipientOutsideOurDomainsIsRefused() throws IOException {
        try (SmtpDialogue smtp = new SmtpDialogue(receiver.port())) {
            assertEquals(250, smtp.command("EHLO test.example.com"));
            assertEquals(250, smtp.command("MAIL FROM:<relay@example.com>"));
            assertEquals(550, smtp.command("RCPT TO:<victim@elsewhere.example>"));
        }
    }

    private int deliver(String from, String to, String message) throws IOException {
        try (SmtpDialogue smtp = new SmtpDialogue(receiver.port())) {
            smtp.command("EHLO test.example.com");
            smtp.command("MAIL FROM:<" + from + ">");
            smtp.command("RCPT TO:<" + to + ">");
            smtp.command("DATA");
            int code = smtp.body(message.replace("\r\n", "\n").replace("\n", "\r\n"));
            smtp.command("QUIT");
            return code;
        }
    }

    private static String plainMail(String from, String messageId, String subject) {
        return "From: " + from + "\r\nTo: support@relaydesk.test\r\nSubject: " + subject + "\r\nMessage-ID: <"
                + messageId + ">\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHello from " + from + "\r\n";
    }

    private MailReceived awaitPublished(String messageId) {
        ConsumerRecord<String, String> record = KafkaEvents.awaitRecord(kafka, EventType.MAIL_RECEIVED.topic(),
                candidate -> EventJson.read(candidate.value(), MailReceived.class).messageId().equals(messageId),
                Duration.ofSeconds(30));
        assertEquals(EventType.MAIL_RECEIVED.cloudEventType(), KafkaEvents.header(record, "ce_type"));
        return EventJson.read(record.value(), MailReceived.class);
    }

    private static Status statusOf(String messageId) {
        return QuarkusTransaction.requiringNew().call(() ->
                InboundMessage.<InboundMessage>find("messageId", messageId).firstResult().status);
    }
}
