package dev.relaydesk.portal.link;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The current one-time code of a link; only its HMAC is kept (see {@link WriteCodes}). */
@Entity
@Table(name = "link_write_code")
public class WriteCode extends PanacheEntityBase {

    @Id
    @Column(name = "link_id")
    public UUID linkId;

    /** This code's request: notification-service mails one code per request. */
    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    /** Null until notification-service fetches the code to mail it ({@link WriteCodes#issue}). */
    @Column(name = "code_hash")
    public String codeHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "wrong_tries", nullable = false)
    public int wrongTries;
}
