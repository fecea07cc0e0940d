package dev.relaydesk.mailingest.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.MailReceived;
import dev.relaydesk.mailingest.imap.ImapMailboxesConfig.Mailbox;
import dev.relaydesk.mailingest.inbound.InboundMessage;
import dev.relaydesk.mailingest.smtp.CorpusTest;
import dev.relaydesk.mailingest.smtp.CorpusTest.Expected;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A subset of the corpus (clients, charsets, attachments and kinds of noise) delivered into the real IMAP
 * mailbox of the test stack and read by the poller: the same outcome as over SMTP. Each message gets a fresh
 * Message-ID, since the SMTP corpus test may already have stored the original.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class ImapCorpusTest {

    /** Chosen so that no envelope sender matters (the IMAP server writes its own Return-Path). */
    private static final Set<String> SUBSET = Set.of(
            "thunderbird-flowed-reply.eml", "iphone-heic-attachment.eml", "outlook-for-mac.eml",
            "html-only-inline-image-cid.eml", "shift-jis-8bit.eml", "koi8-r.eml", "calendar-invite.eml",
            "smime-signed.eml", "windows-1250-html-base64.eml", "vacation-sieve-auto-replied.eml",
            "outlook-oof-x-auto-response-suppress.eml", "newsletter-list-unsubscribe.eml",
            "google-groups-list-id.eml", "loop-own-address.eml");
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*<([^>]+)>");

    @Inject
    ImapPoller poller;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "relaydesk.mail.smtp-host")
    String mailHost;

    @ConfigProperty(name = "relaydesk.mail.smtp-port")
    int smtpPort;

    static Stream<Expected> subset() throws Exception {
        return CorpusTest.manifest().filter(expected -> SUBSET.contains(expected.file()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subset")
    void eachPolledCorpusMessageEndsAsExpected(Expected expected) throws Exception {
        Mailbox mailbox = poller.mailboxes().stream().filter(candidate -> candidate.processedFolder().isEmpty())
                .findFirst().orElseThrow();
        String original = new String(CorpusTest.resource(expected.file()), StandardCharsets.ISO_8859_1);
        Matcher id = MESSAGE_ID.matcher(original);
        assertTrue(id.find(), "corpus message has a Message-ID");
        String messageId = "imap-" + System.nanoTime() + "." + id.group(1);
        byte[] raw = (original.substring(0, id.start()) + "Message-ID: <" + messageId + ">" + original.substring(id.end()))
                .getBytes(StandardCharsets.ISO_8859_1);
        deliver(mailbox, raw);

        InboundMessage stored = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                QuarkusTransaction.requiringNew().call(() ->
                        InboundMessage.<InboundMessage>find("messageId", messageId).firstResult()), found -> found != null);
        assertEquals("imap", stored.channel);
        assertEquals(expected.status(), stored.status, "status; reason was: " + stored.reason);
        if (!expected.reason().isEmpty()) {
            assertTrue(stored.reason.contains(expected.reason()), "reason: " + stored.reason);
        }
        if (expected.status() == InboundMessage.Status.PUBLISHED) {
            MailReceived mail = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.MAIL_RECEIVED.topic(),
                    record -> EventJson.read(record.value(), MailReceived.class).messageId().equals(messageId),
                    Duration.ofSeconds(30)).value(), MailReceived.class);
            assertEquals(expected.subject(), mail.subject());
            assertEquals(expected.fromName(), mail.fromName());
            assertTrue(mail.textBody().contains(expected.bodyContains()), "body was:\n" + mail.textBody());
            for (String excluded : expected.bodyExcludes()) {
                assertFalse(mail.textBody().contains(excluded), "body contains " + excluded + ":\n" + mail.textBody());
            }
        }
    }

    /** Hands the bytes unchanged to the test stack's SMTP server, addressed to the polled mailbox. */
    private void deliver(Mailbox mailbox, byte[] raw) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", mailHost);
        props.put("mail.smtp.port", String.valueOf(smtpPort));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, new Address[] {new InternetAddress(mailbox.user())});
        }
    }
}
