package dev.relaydesk.notification.template;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A project's own version of one template in one language, in place of the shipped default. */
@Entity
@Table(name = "mail_template")
public class MailTemplate extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "project_key", nullable = false)
    public String projectKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MailKind kind;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String subject;

    @Column(name = "text_body", nullable = false)
    public String textBody;

    @Column(name = "html_body", nullable = false)
    public String htmlBody;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    public static Optional<MailTemplate> find(String projectKey, MailKind kind, String language) {
        return find("projectKey = ?1 and kind = ?2 and language = ?3", projectKey, kind, language).firstResultOptional();
    }

    public TemplateText text() {
        return new TemplateText(subject, textBody, htmlBody);
    }
}
