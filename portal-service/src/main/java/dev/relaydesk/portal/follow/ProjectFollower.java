package dev.relaydesk.portal.follow;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A registered client (by verified email, lower case) who follows a project. */
@Entity
@Table(name = "project_follower")
public class ProjectFollower extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "project_key", nullable = false)
    public String projectKey;

    @Column(name = "client_email", nullable = false)
    public String clientEmail;

    @Column(name = "followed_at", nullable = false)
    public Instant followedAt;
}
