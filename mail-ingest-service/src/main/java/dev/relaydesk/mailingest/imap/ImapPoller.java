package dev.relaydesk.mailingest.imap;

import dev.relaydesk.mailingest.imap.ImapMailboxesConfig.Mailbox;
import dev.relaydesk.mailingest.inbound.MailAcceptance;
import dev.relaydesk.mailingest.inbound.MailAcceptance.Envelope;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.logging.Logger;

/**
 * Polls each configured IMAP mailbox on its own schedule. A message is stored (committed) first; only then is
 * it flagged \Seen or moved, and only then does the mailbox's checkpoint pass its UID. A crash in between
 * makes the next poll read the message again, which the acceptance's dedupe absorbs.
 */
@ApplicationScoped
public class ImapPoller {

    private static final Logger LOG = Logger.getLogger(ImapPoller.class);

    private final ImapMailboxesConfig config;
    private final MailAcceptance acceptance;
    private final ImapCheckpoints checkpoints;
    private final Scheduler scheduler;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    ImapPoller(ImapMailboxesConfig config, MailAcceptance acceptance, ImapCheckpoints checkpoints, Scheduler scheduler) {
        this.config = config;
        this.acceptance = acceptance;
        this.checkpoints = checkpoints;
        this.scheduler = scheduler;
    }

    void schedule(@Observes StartupEvent startup) {
        for (Mailbox mailbox : mailboxes()) {
            scheduler.newJob("imap-poll " + mailbox.key())
                    .setInterval(mailbox.pollInterval().toMillis() + "ms")
                    .setConcurrentExecution(ConcurrentExecution.SKIP)
                    .setTask(execution -> pollQuietly(mailbox))
                    .schedule();
            LOG.infof("Polling IMAP mailbox %s every %s", mailbox.key(), mailbox.pollInterval());
        }
    }

    public List<Mailbox> mailboxes() {
        return config.mailboxes().orElse(List.of());
    }

    private void pollQuietly(Mailbox mailbox) {
        try {
            poll(mailbox);
        } catch (MessagingException | IOException | RuntimeException e) {
            // The password never appears here: Angus Mail does not put it in its messages.
            LOG.warnf("Polling IMAP mailbox %s failed, retrying at the next interval: %s", mailbox.key(), e.toString());
        }
    }

    /** Reads every message past the checkpoint; returns how many were handed to the acceptance. */
    public int poll(Mailbox mailbox) throws MessagingException, IOException {
        ReentrantLock lock = locks.computeIfAbsent(mailbox.key(), key -> new ReentrantLock());
        lock.lock();
        try {
            Store store = session(mailbox).getStore(mailbox.ssl() ? "imaps" : "imap");
            store.connect(mailbox.host(), mailbox.effectivePort(), mailbox.user(), mailbox.password());
            try {
                return pollFolder(mailbox, store);
            } finally {
                store.close();
            }
        } finally {
            lock.unlock();
        }
    }

    private int pollFolder(Mailbox mailbox, Store store) throws MessagingException, IOException {
        IMAPFolder folder = (IMAPFolder) store.getFolder(mailbox.folder());
        folder.open(Folder.READ_WRITE);
        boolean expunge = false;
        try {
            long uidValidity = folder.getUIDValidity();
            long lastUid = checkpoints.lastUid(mailbox.key(), uidValidity);
            // "n:*" always includes the newest message, even when its UID is below n: filter.
            Message[] candidates = folder.getMessagesByUID(lastUid + 1, UIDFolder.LASTUID);
            int handled = 0;
            for (Message message : candidates) {
                long uid = folder.getUID(message);
                if (uid <= lastUid) {
                    continue;
                }
                acceptance.accept(raw(message), envelope(mailbox, message));
                expunge |= markProcessed(mailbox, store, folder, message);
                checkpoints.advance(mailbox.key(), uidValidity, uid);
                handled++;
            }
            return handled;
        } finally {
            folder.close(expunge);
        }
    }

    private static byte[] raw(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return raw.toByteArray();
    }

    /** The delivering server's Return-Path stands in for the SMTP envelope sender (empty for bounces). */
    private static Envelope envelope(Mailbox mailbox, Message message) throws MessagingException {
        String[] returnPath = message.getHeader("Return-Path");
        String from = returnPath == null || returnPath.length == 0 ? null
                : returnPath[0].strip().replaceAll("^<|>$", "");
        return new Envelope(from, mailbox.projectAddress().map(List::of).orElse(List.of()), "imap");
    }

    /** Flags the stored message \Seen, or moves it; true when the folder needs an expunge afterwards. */
    private static boolean markProcessed(Mailbox mailbox, Store store, IMAPFolder folder, Message message)
            throws MessagingException {
        if (mailbox.processedFolder().isEmpty()) {
            message.setFlag(Flags.Flag.SEEN, true);
            return false;
        }
        Folder target = store.getFolder(mailbox.processedFolder().get());
        if (!target.exists()) {
            target.create(Folder.HOLDS_MESSAGES);
        }
        message.setFlag(Flags.Flag.SEEN, true);
        if (((IMAPStore) store).hasCapability("MOVE")) {
            folder.moveMessages(new Message[] {message}, target);
            return false;
        }
        folder.copyMessages(new Message[] {message}, target);
        message.setFlag(Flags.Flag.DELETED, true);
        return true;
    }

    private static Session session(Mailbox mailbox) {
        String protocol = mailbox.ssl() ? "imaps" : "imap";
        Properties props = new Properties();
        // Reading a message must not mark it \Seen: that happens only once it is stored.
        props.put("mail." + protocol + ".peek", "true");
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "60000");
        return Session.getInstance(props);
    }
}
