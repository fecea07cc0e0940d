package dev.relaydesk.portal.link;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A project's own link lifetime, set by an admin. */
@Entity
@Table(name = "link_policy")
public class LinkPolicy extends PanacheEntityBase {

    @Id
    @Column(name = "project_key")
    public String projectKey;

    @Column(name = "expiry_days", nullable = false)
    public int expiryDays;
}
