package dev.relaydesk.ticket.client;

import dev.relaydesk.ticket.field.CustomField;
import dev.relaydesk.ticket.project.Project;
import dev.relaydesk.ticket.project.TicketType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/**
 * What portal-service needs to show a project's public web form: that the project exists, its name, and its
 * custom fields and ticket types, so the form can offer those the portal profile allows (behind the internal key).
 */
@Path("/internal/projects/{key}")
@Produces(MediaType.APPLICATION_JSON)
public class ClientProjectResource {

    /**
     * @param customFields the project's custom fields in their order; values are checked when a ticket is opened
     * @param types        the names of the project's ticket types (the portal offers those its profile allows)
     * @param defaultType  the type a ticket opened without one gets
     */
    public record ClientProject(String key, String name, List<ClientField> customFields, List<String> types,
            String defaultType) {

        static ClientProject of(Project project) {
            return new ClientProject(project.key, project.name,
                    CustomField.ofProject(project.id).stream().map(ClientField::of).toList(),
                    TicketType.ofProject(project.id).stream().map(type -> type.name).toList(),
                    project.defaultType == null ? null : project.defaultType.name);
        }
    }

    /** @param type TEXT, NUMBER, DATE or SELECT; {@code options} are a SELECT's choices */
    public record ClientField(String key, String label, String type, boolean required, List<String> options) {

        static ClientField of(CustomField field) {
            return new ClientField(field.key, field.label, field.type.name(), field.required, List.copyOf(field.options));
        }
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public ClientProject project(@PathParam("key") String key) {
        return Project.byKey(key.toUpperCase(Locale.ROOT)).map(ClientProject::of)
                .orElseThrow(() -> new NotFoundException("There is no project \"" + key + "\""));
    }
}
