package dev.relaydesk.testsupport;

import dev.relaydesk.localstack.Endpoints;
import dev.relaydesk.localstack.testing.SharedTestStack;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * Reads mailboxes of the shared test mail server over IMAP. Authentication is off there: the address is
 * both login and password, and a mailbox exists once mail was delivered to it (before that it is empty).
 */
public final class Mailboxes {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private Mailboxes() {
    }

    /** Every message in the address's INBOX, parsed and detached from the IMAP connection. */
    public static List<MimeMessage> messages(String address) {
        Endpoints e = SharedTestStack.endpoints();
        return messages(e.mailHost(), e.imapPort(), address);
    }

    public static List<MimeMessage> messages(String host, int imapPort, String address) {
        Session session = Session.getInstance(new Properties());
        try {
            Store store = session.getStore("imap");
            store.connect(host, imapPort, address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    List<MimeMessage> messages = new ArrayList<>();
                    for (Message m : inbox.getMessages()) {
                        ByteArrayOutputStream raw = new ByteArrayOutputStream();
                        m.writeTo(raw);
                        messages.add(new MimeMessage(session, new ByteArrayInputStream(raw.toByteArray())));
                    }
                    return messages;
                } finally {
                    inbox.close(false);
                }
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read the mailbox of " + address + " on " + host + ":" + imapPort
                    + ": " + e.getMessage(), e);
        }
    }

    /** Waits up to 30 s for a matching message; returns the first one. */
    public static MimeMessage awaitMessage(String address, Predicate<MimeMessage> match) {
        return awaitMessages(address, match, DEFAULT_TIMEOUT).get(0);
    }

    /** Waits until at least one message matches; returns all matching messages. */
    public static List<MimeMessage> awaitMessages(String address, Predicate<MimeMessage> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<MimeMessage> matching = messages(address).stream().filter(match).toList();
            if (!matching.isEmpty()) {
                return matching;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching message for " + address + " within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** Predicate helper: the subject contains the text. */
    public static Predicate<MimeMessage> subjectContains(String text) {
        return m -> {
            try {
                return m.getSubject() != null && m.getSubject().contains(text);
            } catch (MessagingException e) {
                return false;
            }
        };
    }
}
