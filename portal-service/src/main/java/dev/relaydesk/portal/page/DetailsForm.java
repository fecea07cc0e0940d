package dev.relaydesk.portal.page;

import dev.relaydesk.portal.action.TicketCommands;
import dev.relaydesk.portal.action.TicketCommands.ClientDetails;
import dev.relaydesk.portal.field.FieldInput;
import dev.relaydesk.portal.field.FieldInputs;
import dev.relaydesk.portal.form.TicketTypeField;
import dev.relaydesk.portal.profile.PortalProfile;
import dev.relaydesk.portal.ticket.PortalTicket;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The link page's form for the ticket details the project's portal profile lets clients change (priority, type,
 * custom fields), for the template as {@code inject:detailsForm}. Shown on open tickets only. Priority comes from
 * the portal's own copy of the ticket; types and custom field values are asked of ticket-service when the profile
 * lets clients change them (a short wait; without an answer the form offers what it can).
 */
@Named("detailsForm")
@RequestScoped
public class DetailsForm {

    private static final Logger LOG = Logger.getLogger(DetailsForm.class);
    static final List<String> PRIORITIES = List.of("LOW", "NORMAL", "HIGH", "URGENT");

    /** One choice of a select. */
    @TemplateData
    public record Choice(String value, String label, boolean selected) {
    }

    private final TicketCommands commands;
    private PortalProfile profile;
    private String priority;
    private List<Choice> types = List.of();
    private List<FieldInput> fields = List.of();
    private boolean incomplete;
    private String error;
    private final String requestId = UUID.randomUUID().toString();
    private boolean prepared;

    DetailsForm(@RestClient TicketCommands commands) {
        this.commands = commands;
    }

    /** Prepares the form for this ticket; {@code typed} (by form name) is what the client sent, kept after a refusal. */
    void prepare(PortalTicket ticket, String clientEmail, Map<String, String> typed, String error) {
        prepared = true;
        this.error = error;
        profile = ticket.status == dev.relaydesk.events.TicketStatus.OPEN
                ? PortalProfile.of(ticket.projectKey).filter(PortalProfile::allowsEdits).orElse(null) : null;
        if (profile == null) {
            return;
        }
        priority = typed.getOrDefault("priority", ticket.priority);
        if (!profile.editType && profile.editableCustomFields.isEmpty()) {
            return;
        }
        ClientDetails details;
        try {
            details = commands.details(ticket.ticketId, clientEmail);
        } catch (RuntimeException e) {
            LOG.warnf("Details of ticket %s unavailable for its edit form: %s", ticket.ticketId, e.getClass().getSimpleName());
            incomplete = true;
            return;
        }
        if (profile.editType) {
            String current = typed.getOrDefault("type", details.type());
            // the types the profile lets clients choose, and the ticket's own (so leaving it alone is no change)
            List<String> allowed = TicketTypeField.allowedOf(details.types(), profile.clientTicketTypes);
            types = details.types().stream().filter(type -> allowed.contains(type) || type.equals(details.type()))
                    .map(type -> new Choice(type, type, type.equals(current))).toList();
        }
        Map<String, String> values = new LinkedHashMap<>();
        details.customFields().forEach((key, value) -> values.put(key, value == null ? null : value.toString()));
        typed.forEach((name, value) -> {
            if (name.startsWith(FieldInput.PREFIX)) {
                values.put(name.substring(FieldInput.PREFIX.length()), value);
            }
        });
        fields = FieldInputs.inputs(FieldInputs.shown(details.fields(), profile.editableCustomFields), values, Map.of());
    }

    boolean prepared() {
        return prepared;
    }

    public boolean shown() {
        return profile != null;
    }

    public boolean editsPriority() {
        return profile != null && profile.editPriority;
    }

    public boolean editsType() {
        return profile != null && profile.editType && !types.isEmpty();
    }

    public List<Choice> priorities() {
        return PRIORITIES.stream().map(p -> new Choice(p, p.charAt(0) + p.substring(1).toLowerCase(java.util.Locale.ROOT),
                p.equals(priority))).toList();
    }

    public List<Choice> types() {
        return types;
    }

    public List<FieldInput> fields() {
        return fields;
    }

    /** The custom-fields tag's list of refusals of fields not shown: the error above the form says it all. */
    public List<String> noErrors() {
        return List.of();
    }

    /** Some of what the client may change could not be offered (ticket-service did not answer in time). */
    public boolean incomplete() {
        return incomplete;
    }

    public String error() {
        return error;
    }

    public String requestId() {
        return requestId;
    }

    /** Whether the profile lets clients change this form parameter (priority, type or cf.<key>). */
    static boolean allowed(PortalProfile profile, String name) {
        return switch (name) {
            case "priority" -> profile.editPriority;
            case "type" -> profile.editType;
            default -> name.startsWith(FieldInput.PREFIX)
                    && profile.editableCustomFields.contains(name.substring(FieldInput.PREFIX.length()));
        };
    }

    /** A type the client may choose: one the profile allows (any when it lists none), or the ticket's current one. */
    static boolean allowsType(PortalProfile profile, PortalTicket ticket, String type) {
        return type == null || type.equalsIgnoreCase(ticket.type) || profile.clientTicketTypes.isEmpty()
                || profile.clientTicketTypes.stream().anyMatch(type::equalsIgnoreCase);
    }

    static boolean isPriority(String value) {
        return value != null && Arrays.asList("LOW", "NORMAL", "HIGH", "URGENT").contains(value);
    }
}
