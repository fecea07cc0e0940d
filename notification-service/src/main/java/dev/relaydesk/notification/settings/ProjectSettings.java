package dev.relaydesk.notification.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Each project's settings, with the service-wide defaults for projects nobody configured. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ProjectSettings {

    private final String defaultLanguage;

    ProjectSettings(@ConfigProperty(name = "relaydesk.notification.default-language") String defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    /** The project's settings; for a project nobody configured, a detached row of defaults. */
    public ProjectSetting of(String projectKey) {
        ProjectSetting setting = ProjectSetting.findById(projectKey);
        if (setting == null) {
            setting = new ProjectSetting();
            setting.projectKey = projectKey;
            setting.language = defaultLanguage;
        }
        return setting;
    }

    public String languageOf(String projectKey) {
        return of(projectKey).language;
    }
}
