package dev.relaydesk.portal.registration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An email that has a client account (created from one of its ticket links). */
@Entity
@Table(name = "registered_client")
public class RegisteredClient extends PanacheEntityBase {

    /** Lower case. */
    @Id
    public String email;

    @Column(nullable = false)
    public String name;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
}
