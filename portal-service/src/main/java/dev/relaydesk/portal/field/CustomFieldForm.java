package dev.relaydesk.portal.field;

import dev.relaydesk.portal.form.TicketIntake.ProjectField;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The custom fields of the form on the current page: which it shows, what they hold, and what ticket-service
 * refused. Request-scoped, so the form's page methods keep their shape and the template asks it for its inputs.
 */
@RequestScoped
public class CustomFieldForm {

    private List<ProjectField> fields = List.of();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> otherErrors = new ArrayList<>();

    /** Shows these fields with these values (by key; a pre-filled value or what the client sent). */
    public void show(List<ProjectField> shown, Map<String, String> shownValues) {
        fields = List.copyOf(shown);
        values.clear();
        values.putAll(shownValues);
    }

    /** Shows these fields with what the sent form says for them; anything posted for another field is ignored. */
    public void showPosted(List<ProjectField> shown) {
        show(shown, FieldInputs.posted(shown));
    }

    /** ticket-service refused a custom field's value: next to the field if shown, else above the fields. */
    public void refused(String key, String message) {
        if (fields.stream().anyMatch(field -> field.key().equals(key))) {
            errors.put(key, message);
        } else {
            otherErrors.add(message);
        }
    }

    public boolean anyRefused() {
        return !errors.isEmpty() || !otherErrors.isEmpty();
    }

    public List<FieldInput> inputs() {
        return FieldInputs.inputs(fields, values, errors);
    }

    /** Refusals of fields this form does not show (a required field the profile keeps hidden, say). */
    public List<String> otherErrors() {
        return List.copyOf(otherErrors);
    }

    /** The non-blank values of the shown fields, for ticket-service. */
    public Map<String, Object> toSend() {
        return FieldInputs.toSend(values);
    }
}
