package dev.relaydesk.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.ClosedTicketReplyRefused;
import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.NotificationSent;
import dev.relaydesk.events.TicketClosed;
import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.MailParts;
import dev.relaydesk.testsupport.Mailboxes;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.relaydesk.messaging.mail.ReplyTokens;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Ticket events from the real broker become the client's mails on the real mail server, once each. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class TicketMailsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = ReplyTokens.KEY_PROPERTY)
    String replyTokenKey;

    @Test
    void anAgentsPublicAnswerReachesTheClientInTheTicketsThread() throws Exception {
        String client = uniqueClient();
        NoteAdded answer = note(client, NoteAuthor.AGENT, "Please restart the printer.", true, true);
        String eventId = UUID.randomUUID().toString();

        KafkaEvents.publish(kafka, answer, eventId);
        KafkaEvents.publish(kafka, answer, eventId);

        MimeMessage mail = Mailboxes.awaitMessage(client, message -> true);
        assertEquals("[" + answer.number() + "] Re: " + answer.title(), mail.getSubject());
        assertTrue(MailParts.text(mail).contains("Please restart the printer."));
        assertEquals("<" + answer.threadMessageId() + ">", mail.getHeader("In-Reply-To", null));
        assertNull(mail.getHeader("Auto-Submitted"), "a person wrote this answer");
        String replyTo = ((InternetAddress) mail.getReplyTo()[0]).getAddress();
        assertTrue(replyTo.matches("support\\+[a-z2-7]{42}@relaydesk\\.test"), replyTo);
        assertEquals(Optional.of(answer.ticketId()), new ReplyTokens(replyTokenKey).ticketOfAddress(replyTo),
                "the reply token in Reply-To names the ticket, under the key ticket-service checks it with");
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.NOTE_ADDED.topic());
        assertEquals(1, Mailboxes.messages(client).size(), "the redelivered event sends nothing new");
    }

    /** ticket-service indexes every Message-ID we send, so a reply to this very mail threads. */
    @Test
    void eachSentMailIsAnnouncedWithItsMessageId() throws Exception {
        String client = uniqueClient();
        NoteAdded answer = note(client, NoteAuthor.AGENT, "Your new password is on its way.", true, true);

        KafkaEvents.publish(kafka, answer, UUID.randomUUID().toString());

        MimeMessage mail = Mailboxes.awaitMessage(client, message -> true);
        String messageId = mail.getMessageID().replaceAll("^<|>$", "");
        NotificationSent sent = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.NOTIFICATION_SENT.topic(),
                record -> answer.ticketId().toString().equals(record.key())).value(), NotificationSent.class);
        assertEquals(messageId, sent.messageId());
        assertEquals(answer.ticketId(), sent.ticketId());
        assertEquals(answer.version(), sent.version());
        assertEquals("AGENT_REPLY", sent.kind());
        assertEquals(List.of(client), sent.recipients());
        assertNull(sent.recipientAgent());
    }

    @Test
    void privateNotesSilencedAnswersAndTheClientsOwnNotesAreNeverMailed() throws Exception {
        String client = uniqueClient();
        KafkaEvents.publish(kafka, note(client, NoteAuthor.AGENT, "internal only", false, true), UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, note(client, NoteAuthor.AGENT, "silenced", true, false), UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, note(client, NoteAuthor.CLIENT, "my own words", true, true), UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, note(client, NoteAuthor.AGENT, "the one to send", true, true), UUID.randomUUID().toString());

        MimeMessage mail = Mailboxes.awaitMessage(client, message -> true);
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.NOTE_ADDED.topic());
        assertTrue(MailParts.text(mail).contains("the one to send"));
        assertEquals(1, Mailboxes.messages(client).size());
    }

    @Test
    void aClosedTicketIsAnnouncedAsAnAutomaticMail() throws Exception {
        String client = uniqueClient();
        TicketClosed golden = EventFixtures.event(EventType.TICKET_CLOSED);
        TicketSnapshot g = golden.ticket();
        TicketSnapshot ticket = new TicketSnapshot(UUID.randomUUID(), g.number(), g.projectKey(), g.projectName(),
                g.projectAddress(), g.type(), g.title(), client, "Jane Doe", g.status(), g.stage(), g.threadMessageId(), g.priority(),
                g.clientOrganization(), g.assignees());

        KafkaEvents.publish(kafka, new TicketClosed(ticket, 3, NoteAuthor.AGENT, "agent", golden.closedAt()),
                UUID.randomUUID().toString());

        MimeMessage mail = Mailboxes.awaitMessage(client, message -> true);
        assertEquals("[" + g.number() + "] Closed: " + g.title(), mail.getSubject());
        assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null), "a notice, not a reply to a mail");
        assertTrue(MailParts.text(mail).startsWith("Hello Jane,"));
    }

    /**
     * ticket-service kept the client's reply to a closed ticket out of the conversation (policy
     * ANSWER_WITH_TEMPLATE): the client gets the template's automatic answer to that very mail, once, however often
     * the event arrives.
     */
    @Test
    void aReplyToAClosedTicketIsAnsweredWithTheTemplateOnce() throws Exception {
        String client = uniqueClient();
        ClosedTicketReplyRefused golden = EventFixtures.event(EventType.CLOSED_TICKET_REPLY_REFUSED);
        ClosedTicketReplyRefused refused = new ClosedTicketReplyRefused(UUID.randomUUID(), golden.version(),
                golden.number(), golden.projectKey(), golden.projectName(), golden.projectAddress(), golden.title(),
                client, "Jane Doe", UUID.randomUUID(), UUID.randomUUID() + "@mail.example.com", golden.replySubject(),
                golden.threadMessageId(), golden.refusedAt());
        String eventId = UUID.randomUUID().toString();

        KafkaEvents.publish(kafka, refused, eventId);
        KafkaEvents.publish(kafka, refused, eventId);
        // replayed under a new event id (a producer's retry after a crash): still the same mail to answer
        KafkaEvents.publish(kafka, refused, UUID.randomUUID().toString());

        MimeMessage mail = Mailboxes.awaitMessage(client, message -> true);
        assertEquals("[" + golden.number() + "] Closed: " + golden.title(), mail.getSubject());
        assertEquals("auto-replied", mail.getHeader("Auto-Submitted", null), "an automatic answer to the client's mail");
        assertEquals("<" + refused.replyMessageId() + ">", mail.getHeader("In-Reply-To", null));
        assertTrue(MailParts.text(mail).startsWith("Hello Jane,"));
        assertTrue(MailParts.text(mail).contains("is closed, so your reply has not been added"));
        NotificationSent sent = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.NOTIFICATION_SENT.topic(),
                record -> refused.ticketId().toString().equals(record.key())).value(), NotificationSent.class);
        assertEquals("CLOSED_TICKET_REPLY", sent.kind());
        KafkaEvents.awaitConsumed(kafka, "notification-service", EventType.CLOSED_TICKET_REPLY_REFUSED.topic());
        assertEquals(1, Mailboxes.messages(client).size(), "one answer, however often the event came");
    }

    private static String uniqueClient() {
        return "client-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static NoteAdded note(String client, NoteAuthor author, String body, boolean publicNote, boolean notify) {
        NoteAdded golden = EventFixtures.event(EventType.NOTE_ADDED);
        return new NoteAdded(UUID.randomUUID(), 1, UUID.randomUUID(), golden.number(), golden.projectKey(),
                golden.projectAddress(), golden.title(), client, "Jane Doe", golden.status(), author, "Alex", body,
                publicNote, notify, golden.threadMessageId(), golden.createdAt());
    }
}
