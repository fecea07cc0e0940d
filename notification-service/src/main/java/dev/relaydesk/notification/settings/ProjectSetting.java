package dev.relaydesk.notification.settings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A project's notification settings; a project without a row has the defaults (every notification on). */
@Entity
@Table(name = "project_setting")
public class ProjectSetting extends PanacheEntityBase {

    @Id
    @Column(name = "project_key")
    public String projectKey;

    /** The language of the project's mails: no event carries a client's language yet. */
    @Column(nullable = false)
    public String language;

    @Column(name = "client_on_created", nullable = false)
    public boolean clientOnCreated = true;

    @Column(name = "client_on_public_note", nullable = false)
    public boolean clientOnPublicNote = true;

    @Column(name = "client_on_closed", nullable = false)
    public boolean clientOnClosed = true;

    @Column(name = "client_on_reopened", nullable = false)
    public boolean clientOnReopened = true;

    @Column(name = "agents_on_client_note", nullable = false)
    public boolean agentsOnClientNote = true;

    @Column(name = "agents_on_new_ticket", nullable = false)
    public boolean agentsOnNewTicket = true;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
