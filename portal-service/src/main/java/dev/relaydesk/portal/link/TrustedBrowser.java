package dev.relaydesk.portal.link;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A browser that entered a correct code for a link, known by the SHA-256 of its cookie's random value. */
@Entity
@Table(name = "link_trusted_browser")
public class TrustedBrowser extends PanacheEntityBase {

    @Id
    @Column(name = "cookie_hash")
    public String cookieHash;

    @Column(name = "link_id", nullable = false)
    public UUID linkId;

    @Column(name = "trusted_at", nullable = false)
    public Instant trustedAt;
}
