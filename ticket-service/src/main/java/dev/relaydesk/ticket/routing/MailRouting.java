package dev.relaydesk.ticket.routing;

import dev.relaydesk.ticket.project.Project;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Which project a new mail opens its ticket in. Mail sent to one project's own address goes there; otherwise a
 * registered client's mail goes to the project set for registered clients, if there is one; everything else to
 * the project whose address it reached, or the default project.
 */
@Entity
@Table(name = "mail_routing")
public class MailRouting extends PanacheEntityBase {

    private static final short THE_ROW = 1;

    @Id
    public short id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "registered_clients_project_id")
    public Project registeredClientsProject;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static MailRouting current() {
        return MailRouting.<MailRouting>findByIdOptional(THE_ROW)
                .orElseThrow(() -> new IllegalStateException("mail_routing has no row; migration V9 makes it"));
    }

    public static Project projectFor(String sender, Collection<String> recipients) {
        Optional<Project> addressed = Project.forRecipients(recipients);
        if (addressed.isPresent() && !addressed.get().isDefault) {
            return addressed.get();
        }
        Project forRegistered = current().registeredClientsProject;
        if (forRegistered != null && RegisteredClient.isRegistered(sender)) {
            return forRegistered;
        }
        return addressed.orElseGet(Project::defaultProject);
    }
}
