package dev.relaydesk.notification.template;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Which template a mail uses: the project's own for that language, else the shipped one, else English. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class TemplateCatalog {

    public record Effective(TemplateText text, String language, boolean overridden) {
    }

    public Effective effective(String projectKey, MailKind kind, String language) {
        return MailTemplate.find(projectKey, kind, language)
                .map(own -> new Effective(own.text(), language, true))
                .or(() -> ShippedTemplates.find(kind, language).map(text -> new Effective(text, language, false)))
                .orElseGet(() -> new Effective(ShippedTemplates.find(kind, ShippedTemplates.FALLBACK_LANGUAGE)
                        .orElseThrow(() -> new IllegalStateException("No shipped template for " + kind)),
                        ShippedTemplates.FALLBACK_LANGUAGE, false));
    }
}
