package dev.relaydesk.ticket.ticket;

import dev.relaydesk.events.TicketPriority;
import dev.relaydesk.events.TicketUpdated.FieldChange;
import dev.relaydesk.ticket.project.TicketType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fields an agent edits on a ticket, each already checked. A null means "leave as is"; an empty client
 * name, organization or phone clears it; {@code customFields} is the complete new set of values; {@code clientPhone}
 * is already in E.164 form.
 */
public record TicketEdit(String title, TicketPriority priority, TicketType type, String clientName,
        String clientOrganization, Map<String, Object> customFields, String clientPhone) {

    /** An edit that leaves the client's phone as it is. */
    public TicketEdit(String title, TicketPriority priority, TicketType type, String clientName,
            String clientOrganization, Map<String, Object> customFields) {
        this(title, priority, type, clientName, clientOrganization, customFields, null);
    }

    /** Sets what differs and says what changed, field by field. */
    List<FieldChange> applyTo(Ticket ticket) {
        List<FieldChange> changes = new ArrayList<>();
        if (title != null && !title.equals(ticket.title)) {
            changes.add(new FieldChange("title", ticket.title, title));
            ticket.title = title;
        }
        if (priority != null && priority != ticket.priority) {
            changes.add(new FieldChange("priority", ticket.priority.name(), priority.name()));
            ticket.priority = priority;
        }
        if (type != null && !type.id.equals(ticket.type.id)) {
            changes.add(new FieldChange("type", ticket.type.name, type.name));
            ticket.type = type;
        }
        if (clientName != null && !Objects.equals(emptyToNull(clientName), ticket.clientName)) {
            changes.add(new FieldChange("clientName", ticket.clientName, emptyToNull(clientName)));
            ticket.clientName = emptyToNull(clientName);
        }
        if (clientOrganization != null && !Objects.equals(emptyToNull(clientOrganization), ticket.clientOrganization)) {
            changes.add(new FieldChange("clientOrganization", ticket.clientOrganization, emptyToNull(clientOrganization)));
            ticket.clientOrganization = emptyToNull(clientOrganization);
        }
        if (clientPhone != null && !Objects.equals(emptyToNull(clientPhone), ticket.clientPhone)) {
            changes.add(new FieldChange("clientPhone", ticket.clientPhone, emptyToNull(clientPhone)));
            ticket.clientPhone = emptyToNull(clientPhone);
        }
        if (customFields != null) {
            // Compared as text: a number read back from JSON may be an Integer where the edit has a BigDecimal.
            Set<String> keys = new LinkedHashSet<>(ticket.customFields.keySet());
            keys.addAll(customFields.keySet());
            List<FieldChange> fieldChanges = keys.stream()
                    .map(key -> new FieldChange("customFields." + key, text(ticket.customFields.get(key)),
                            text(customFields.get(key))))
                    .filter(change -> !Objects.equals(change.from(), change.to()))
                    .toList();
            if (!fieldChanges.isEmpty()) {
                changes.addAll(fieldChanges);
                ticket.customFields = new LinkedHashMap<>(customFields);
            }
        }
        return changes;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }
}
