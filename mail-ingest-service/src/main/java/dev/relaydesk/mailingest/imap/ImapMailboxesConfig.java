package dev.relaydesk.mailingest.imap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * IMAP mailboxes to poll, e.g. {@code relaydesk.imap.mailboxes[0].host=imap.example.com}. Passwords belong in
 * the environment or a Kubernetes Secret ({@code RELAYDESK_IMAP_MAILBOXES_0__PASSWORD}), never in the repo.
 */
@ConfigMapping(prefix = "relaydesk.imap")
public interface ImapMailboxesConfig {

    Optional<List<Mailbox>> mailboxes();

    interface Mailbox {

        String host();

        /** 993 with SSL, 143 without, unless set. */
        Optional<Integer> port();

        String user();

        String password();

        @WithDefault("INBOX")
        String folder();

        /** The project address this mailbox receives for; added to the recipients of every message in it. */
        Optional<String> projectAddress();

        @WithDefault("30s")
        Duration pollInterval();

        @WithDefault("true")
        boolean ssl();

        /** Where stored messages are moved; unset, they stay and are flagged \Seen. */
        Optional<String> processedFolder();

        default int effectivePort() {
            return port().orElse(ssl() ? 993 : 143);
        }

        /** Identifies the mailbox's checkpoint; stable when the list is reordered. */
        default String key() {
            return user() + "@" + host() + ":" + effectivePort() + "/" + folder();
        }
    }
}
