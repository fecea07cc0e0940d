package dev.relaydesk.notification.settings;

import dev.relaydesk.notification.template.ShippedTemplates;
import dev.relaydesk.web.InvalidFieldException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;

/**
 * Admins set each project's notification settings: the language of its mails and which default
 * notifications go out. A PUT changes only the values it names.
 */
@Path("/api/admin/notification-settings/{projectKey}")
@RolesAllowed("admin")
@Transactional
public class SettingsAdminResource {

    /**
     * @param clientOnCreated    the client's confirmation, with the portal link, when their ticket is opened
     * @param clientOnPublicNote the client gets an agent's public answer (unless the agent unticked it)
     * @param clientOnClosed     the client is told an agent closed the ticket
     * @param clientOnReopened   the client is told an agent reopened the ticket
     * @param agentsOnClientNote the assigned agents get what the client wrote
     * @param agentsOnNewTicket  the agents ticket-service names get a ticket a client opened
     */
    public record Settings(String language, Boolean clientOnCreated, Boolean clientOnPublicNote,
            Boolean clientOnClosed, Boolean clientOnReopened, Boolean agentsOnClientNote, Boolean agentsOnNewTicket) {

        static Settings of(ProjectSetting s) {
            return new Settings(s.language, s.clientOnCreated, s.clientOnPublicNote, s.clientOnClosed,
                    s.clientOnReopened, s.agentsOnClientNote, s.agentsOnNewTicket);
        }
    }

    private final ProjectSettings settings;

    SettingsAdminResource(ProjectSettings settings) {
        this.settings = settings;
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public Settings read(@PathParam("projectKey") String projectKey) {
        return Settings.of(settings.of(projectKey));
    }

    @PUT
    public Settings write(@PathParam("projectKey") String projectKey, @Valid @NotNull Settings request) {
        if (request.language() != null && !ShippedTemplates.supports(request.language())) {
            throw new InvalidFieldException("language", "Mails can be sent in " + ShippedTemplates.LANGUAGES + ".");
        }
        ProjectSetting setting = settings.of(projectKey);
        setting.language = valueOr(request.language(), setting.language);
        setting.clientOnCreated = valueOr(request.clientOnCreated(), setting.clientOnCreated);
        setting.clientOnPublicNote = valueOr(request.clientOnPublicNote(), setting.clientOnPublicNote);
        setting.clientOnClosed = valueOr(request.clientOnClosed(), setting.clientOnClosed);
        setting.clientOnReopened = valueOr(request.clientOnReopened(), setting.clientOnReopened);
        setting.agentsOnClientNote = valueOr(request.agentsOnClientNote(), setting.agentsOnClientNote);
        setting.agentsOnNewTicket = valueOr(request.agentsOnNewTicket(), setting.agentsOnNewTicket);
        setting.updatedAt = Instant.now();
        setting.persist();
        return Settings.of(setting);
    }

    private static <T> T valueOr(T value, T current) {
        return value != null ? value : current;
    }
}
