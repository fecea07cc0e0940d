package dev.relaydesk.portal.field;

import dev.relaydesk.portal.form.TicketIntake.ProjectField;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

/**
 * The custom fields of a portal form: which of the project's fields it shows, and what a sent form says for them.
 * Only shown fields are read back: a value posted for any other field is ignored, whatever the client's browser
 * sends. The values are checked by ticket-service when the ticket is opened (its message lands next to the field).
 */
public final class FieldInputs {

    private FieldInputs() {
    }

    /** The project's fields whose keys are in {@code shown}, in the project's order. */
    public static List<ProjectField> shown(List<ProjectField> projectFields, Collection<String> shown) {
        Set<String> keys = Set.copyOf(shown);
        return projectFields.stream().filter(field -> keys.contains(field.key())).toList();
    }

    /** The inputs to render, with these values (by key) and errors (by key). */
    public static List<FieldInput> inputs(List<ProjectField> fields, Map<String, String> values,
            Map<String, String> errors) {
        return fields.stream().map(field -> new FieldInput(field.key(), field.label(), field.type(), field.required(),
                field.options(), values.get(field.key()), errors.get(field.key()))).toList();
    }

    /** What the sent form says for the shown fields, by key, as typed (blank ones included, to show them again). */
    public static Map<String, String> posted(List<ProjectField> fields) {
        FormData form = CurrentRequestManager.get().getFormData();
        Map<String, String> values = new LinkedHashMap<>();
        for (ProjectField field : fields) {
            FormValue value = form == null ? null : form.getFirst(FieldInput.PREFIX + field.key());
            if (value != null && !value.isFileItem() && value.getValue() != null) {
                values.put(field.key(), value.getValue());
            }
        }
        return values;
    }

    /** Every parameter of the sent form, by name (the first value of each), files left out. */
    public static Map<String, String> allPosted() {
        FormData form = CurrentRequestManager.get().getFormData();
        Map<String, String> values = new LinkedHashMap<>();
        if (form != null) {
            for (String name : form) {
                FormValue value = form.getFirst(name);
                if (value != null && !value.isFileItem() && value.getValue() != null) {
                    values.put(name, value.getValue());
                }
            }
        }
        return values;
    }

    /** The values to send to ticket-service: the non-blank ones, stripped. */
    public static Map<String, Object> toSend(Map<String, String> posted) {
        Map<String, Object> values = new LinkedHashMap<>();
        posted.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                values.put(key, value.strip());
            }
        });
        return values;
    }

    /** ticket-service names a refused custom field {@code customFields.<key>}; the key, or null for other fields. */
    public static String keyOf(String refusedField) {
        return refusedField != null && refusedField.startsWith("customFields.")
                ? refusedField.substring("customFields.".length()) : null;
    }
}
