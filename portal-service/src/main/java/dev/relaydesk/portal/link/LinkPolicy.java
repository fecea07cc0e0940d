package dev.relaydesk.portal.link;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A project's own link lifetime and whether writing through a link needs a code from the client's mail. */
@Entity
@Table(name = "link_policy")
public class LinkPolicy extends PanacheEntityBase {

    @Id
    @Column(name = "project_key")
    public String projectKey;

    @Column(name = "expiry_days", nullable = false)
    public int expiryDays;

    /** A browser must enter a one-time code mailed to the client before it writes through a link (see WriteCodes). */
    @Column(name = "write_code_required", nullable = false)
    public boolean writeCodeRequired;
}
