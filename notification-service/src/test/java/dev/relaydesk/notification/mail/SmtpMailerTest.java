package dev.relaydesk.notification.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.relaydesk.notification.mail.OutgoingMail.AutoSubmitted;
import dev.relaydesk.testsupport.MailParts;
import dev.relaydesk.testsupport.Mailboxes;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Mails sent through the real local mail server and read back over IMAP. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class SmtpMailerTest {

    @Inject
    SmtpMailer mailer;

    @Test
    void anAutomaticMailThreadsAndTellsRobotsNotToAnswer() throws Exception {
        String client = "thread-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String messageId = UUID.randomUUID() + "@relaydesk.test";

        mailer.send(new OutgoingMail(messageId, "support@relaydesk.test", "Support", "support@relaydesk.test",
                client, "Jane Doe", "[SUP-7] Printer", "Hello Jane", "<p>Hello Jane</p>", List.of("original@example.com"), AutoSubmitted.AUTO_REPLIED));

        MimeMessage received = Mailboxes.awaitMessage(client, message -> true);
        assertEquals("<" + messageId + ">", received.getHeader("Message-ID", null));
        assertEquals("<original@example.com>", received.getHeader("In-Reply-To", null));
        assertEquals("<original@example.com>", received.getHeader("References", null));
        assertEquals("auto-replied", received.getHeader("Auto-Submitted", null));
        assertEquals("[SUP-7] Printer", received.getSubject());
        assertArrayEquals(new String[] {"notification-service"}, received.getHeader(SmtpMailer.ORIGIN_HEADER));
        assertEquals("Hello Jane", MailParts.text(received).strip());
        assertEquals("<p>Hello Jane</p>", MailParts.html(received).strip());
    }

    @Test
    void userContentCannotInjectHeaders() throws Exception {
        String client = "inject-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        mailer.send(new OutgoingMail(UUID.randomUUID() + "@relaydesk.test", "support@relaydesk.test", "Support",
                "support@relaydesk.test", client, "Eve\r\nBcc: victim@example.com",
                "Hi\r\nBcc: victim@example.com\r\nX-Injected: yes", "body", null, List.of(), AutoSubmitted.NO));

        MimeMessage received = Mailboxes.awaitMessage(client, message -> true);
        assertNull(received.getHeader("X-Injected"));
        assertNull(received.getHeader("Bcc"));
        assertNull(received.getHeader("Auto-Submitted"), "a mail a person wrote is not marked automatic");
        assertEquals("Hi Bcc: victim@example.com X-Injected: yes", received.getSubject());
    }
}
