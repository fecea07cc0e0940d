package dev.relaydesk.mailingest.imap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Reads and advances mailbox checkpoints, each in its own short transaction. */
@ApplicationScoped
@Transactional
public class ImapCheckpoints {

    /** The last UID read under this UIDVALIDITY; 0 when never read, or when the server renumbered the mailbox. */
    public long lastUid(String mailbox, long uidValidity) {
        ImapCheckpoint checkpoint = ImapCheckpoint.findById(mailbox);
        return checkpoint == null || checkpoint.uidValidity != uidValidity ? 0 : checkpoint.lastUid;
    }

    public void advance(String mailbox, long uidValidity, long uid) {
        ImapCheckpoint checkpoint = ImapCheckpoint.findById(mailbox);
        if (checkpoint != null && checkpoint.uidValidity == uidValidity && checkpoint.lastUid >= uid) {
            return; // never move backwards (another replica got further)
        }
        boolean first = checkpoint == null;
        if (first) {
            checkpoint = new ImapCheckpoint();
            checkpoint.mailbox = mailbox;
        }
        checkpoint.uidValidity = uidValidity;
        checkpoint.lastUid = uid;
        checkpoint.updatedAt = Instant.now();
        if (first) {
            checkpoint.persist();
        }
    }
}
