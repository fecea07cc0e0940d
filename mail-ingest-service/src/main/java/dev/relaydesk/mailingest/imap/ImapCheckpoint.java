package dev.relaydesk.mailingest.imap;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The highest UID of one mailbox that is stored and flagged, valid only with its UIDVALIDITY. */
@Entity
@Table(name = "imap_checkpoint")
public class ImapCheckpoint extends PanacheEntityBase {

    @Id
    public String mailbox;

    @Column(name = "uid_validity", nullable = false)
    public long uidValidity;

    @Column(name = "last_uid", nullable = false)
    public long lastUid;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
