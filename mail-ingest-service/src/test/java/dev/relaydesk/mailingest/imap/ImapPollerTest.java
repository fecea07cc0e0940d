package dev.relaydesk.mailingest.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.MailReceived;
import dev.relaydesk.mailingest.imap.ImapMailboxesConfig.Mailbox;
import dev.relaydesk.mailingest.inbound.InboundMessage;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.testsupport.Smtp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The poller against the real IMAP server of the test stack: mail is delivered into the configured mailbox by
 * SMTP, and the poller (scheduled every second in tests) must turn each message into exactly one event.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class ImapPollerTest {

    @Inject
    ImapPoller poller;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "relaydesk.mail.smtp-host")
    String mailHost;

    @ConfigProperty(name = "relaydesk.mail.smtp-port")
    int smtpPort;

    @Test
    void aDeliveredMailIsPublishedOnceAndFlaggedSeen() throws Exception {
        Mailbox mailbox = poller.mailboxes().stream().filter(candidate -> candidate.processedFolder().isEmpty())
                .findFirst().orElseThrow();
        String messageId = deliver(mailbox, "Polled once");

        MailReceived published = awaitPublished(messageId);
        assertEquals("Polled once", published.subject());
        assertTrue(published.recipients().contains(mailbox.projectAddress().orElseThrow()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> seen(mailbox, messageId));

        poller.poll(mailbox); // and the scheduled polls keep running meanwhile
        poller.poll(mailbox);
        Thread.sleep(2_000);

        assertEquals(1, eventsFor(messageId));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> InboundMessage.count("messageId", messageId)));
        assertEquals("imap", QuarkusTransaction.requiringNew().call(() ->
                InboundMessage.<InboundMessage>find("messageId", messageId).firstResult().channel));
    }

    @Test
    void aLostCheckpointOrANewUidValidityRereadsWithoutDuplicates() throws Exception {
        Mailbox mailbox = poller.mailboxes().stream().filter(candidate -> candidate.processedFolder().isEmpty())
                .findFirst().orElseThrow();
        String messageId = deliver(mailbox, "Read again");
        awaitPublished(messageId);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> seen(mailbox, messageId));

        long realUidValidity = checkpoint(mailbox).uidValidity;
        // polling restarted from nothing (checkpoint lost): everything is read again, by this poll or the scheduled one
        QuarkusTransaction.requiringNew().run(() -> ImapCheckpoint.deleteById(mailbox.key()));
        poller.poll(mailbox);
        assertTrue(checkpoint(mailbox).lastUid >= 1, "read again from the start");
        // the server renumbered the mailbox: a checkpoint under another UIDVALIDITY counts for nothing
        QuarkusTransaction.requiringNew().run(() -> {
            ImapCheckpoint checkpoint = ImapCheckpoint.findById(mailbox.key());
            checkpoint.uidValidity = realUidValidity + 1;
            checkpoint.lastUid = Long.MAX_VALUE / 2;
        });
        poller.poll(mailbox);
        assertEquals(realUidValidity, checkpoint(mailbox).uidValidity);
        assertTrue(checkpoint(mailbox).lastUid < Long.MAX_VALUE / 2, "read again from the start");
        Thread.sleep(2_000);

        assertEquals(1, eventsFor(messageId));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> InboundMessage.count("messageId", messageId)));
        assertEquals(0, poller.poll(mailbox), "the checkpoint is current again");
    }

    @Test
    void withAProcessedFolderAStoredMailIsMovedThere() throws MessagingException {
        Mailbox mailbox = poller.mailboxes().stream().filter(candidate -> candidate.processedFolder().isPresent())
                .findFirst().orElseThrow();
        String messageId = deliver(mailbox, "Moved after storing");

        awaitPublished(messageId);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                flags(mailbox, mailbox.processedFolder().get(), messageId) != null);
        assertTrue(flags(mailbox, mailbox.processedFolder().get(), messageId).contains(Flags.Flag.SEEN));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> flags(mailbox, mailbox.folder(), messageId) == null);
        assertEquals(1, eventsFor(messageId));
    }

    private static ImapCheckpoint checkpoint(Mailbox mailbox) {
        return QuarkusTransaction.requiringNew().call(() -> ImapCheckpoint.<ImapCheckpoint>findById(mailbox.key()));
    }

    private String deliver(Mailbox mailbox, String subject) {
        String messageId = UUID.randomUUID() + "@imap.example.com";
        String raw = "From: Ida Imap <ida+" + UUID.randomUUID() + "@example.com>\r\nTo: " + mailbox.user() + "\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + messageId + ">\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHello by IMAP\r\n";
        Smtp.send(mailHost, smtpPort, raw.getBytes(StandardCharsets.UTF_8));
        return messageId;
    }

    private MailReceived awaitPublished(String messageId) {
        return EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.MAIL_RECEIVED.topic(),
                candidate -> EventJson.read(candidate.value(), MailReceived.class).messageId().equals(messageId),
                Duration.ofSeconds(30)).value(), MailReceived.class);
    }

    private long eventsFor(String messageId) {
        return KafkaEvents.records(kafka, EventType.MAIL_RECEIVED.topic()).stream()
                .filter(record -> EventJson.read(record.value(), MailReceived.class).messageId().equals(messageId))
                .count();
    }

    /** Whether the message with this Message-ID carries \Seen in the mailbox's folder. */
    private static boolean seen(Mailbox mailbox, String messageId) throws MessagingException {
        Flags flags = flags(mailbox, mailbox.folder(), messageId);
        return flags != null && flags.contains(Flags.Flag.SEEN);
    }

    /** The flags of the message with this Message-ID in the folder, or null when it is not there. */
    private static Flags flags(Mailbox mailbox, String folderName, String messageId) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(mailbox.host(), mailbox.effectivePort(), mailbox.user(), mailbox.password());
        try {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return null;
            }
            folder.open(Folder.READ_ONLY);
            try {
                for (Message message : folder.getMessages()) {
                    String[] ids = message.getHeader("Message-ID");
                    if (!message.isExpunged() && ids != null && ids[0].contains(messageId)) {
                        return message.getFlags();
                    }
                }
                return null;
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }
}
