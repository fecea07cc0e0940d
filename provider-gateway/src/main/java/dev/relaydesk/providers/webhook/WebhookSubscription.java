package dev.relaydesk.providers.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** An admin's order: these ticket events (of one project, or all) go to this URL, signed with this secret. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String url;

    /** {@code whsec_...}; never leaves the gateway except in a signature (and once, when the gateway made it). */
    @Column(nullable = false)
    public String secret;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "webhook_subscription_event_type", joinColumns = @JoinColumn(name = "subscription_id"))
    @Column(name = "event_type", nullable = false)
    public Set<String> eventTypes = new LinkedHashSet<>();

    /** Null: events of every project. */
    @Column(name = "project_key")
    public String projectKey;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean wants(String eventType, String eventProjectKey) {
        return enabled && eventTypes.contains(eventType) && (projectKey == null || projectKey.equals(eventProjectKey));
    }

    @Override
    public String toString() {
        return "WebhookSubscription[" + id + "]"; // never the secret
    }
}
