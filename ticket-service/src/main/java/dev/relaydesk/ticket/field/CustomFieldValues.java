package dev.relaydesk.ticket.field;

import dev.relaydesk.web.InvalidFieldException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks custom-field values against a project's definitions and normalizes them (numbers as numbers, dates
 * as ISO dates). An unknown key, a wrong type or a missing required value is a 400 naming the field.
 */
public final class CustomFieldValues {

    private CustomFieldValues() {
    }

    /**
     * @param current  the ticket's values so far (empty for a new ticket)
     * @param changes  the values to set; a null value clears the field
     * @param enforceRequired whether required fields must end up set (forms filled by a person; mail can't)
     * @return the ticket's values after the changes
     */
    public static Map<String, Object> apply(UUID projectId, Map<String, Object> current, Map<String, Object> changes,
            boolean enforceRequired) {
        List<CustomField> fields = CustomField.ofProject(projectId);
        Map<String, Object> result = new LinkedHashMap<>(current);
        if (changes != null) {
            for (Map.Entry<String, Object> change : changes.entrySet()) {
                CustomField field = fields.stream().filter(f -> f.key.equals(change.getKey())).findFirst()
                        .orElseThrow(() -> new InvalidFieldException("customFields." + change.getKey(),
                                "This project has no custom field \"" + change.getKey() + "\""));
                Object value = normalize(field, change.getValue());
                if (value == null) {
                    result.remove(field.key);
                } else {
                    result.put(field.key, value);
                }
            }
        }
        if (enforceRequired) {
            for (CustomField field : fields) {
                if (field.required && !result.containsKey(field.key)) {
                    throw new InvalidFieldException("customFields." + field.key, field.label + " is required");
                }
            }
        }
        return result;
    }

    /**
     * Adds suggested values (a provider's) for the project's fields that {@code current} leaves empty. A suggestion
     * for a field the project does not define, or that does not fit it, is left out: it is not the client's mistake.
     */
    public static Map<String, Object> prefill(UUID projectId, Map<String, Object> current, Map<String, Object> suggested) {
        Map<String, Object> result = new LinkedHashMap<>(current);
        for (CustomField field : CustomField.ofProject(projectId)) {
            if (result.get(field.key) != null || !suggested.containsKey(field.key)) {
                continue;
            }
            try {
                Object value = normalize(field, suggested.get(field.key));
                if (value != null) {
                    result.put(field.key, value);
                }
            } catch (InvalidFieldException e) {
                // a value that does not fit this project's field: keep the field empty
            }
        }
        return result;
    }

    /** The values as events carry them: text, numbers written plainly, dates as ISO dates. */
    public static Map<String, String> asText(Map<String, Object> values) {
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value != null) {
                text.put(key, asText(value));
            }
        });
        return text;
    }

    public static String asText(Object value) {
        return value == null ? null : value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    private static Object normalize(CustomField field, Object raw) {
        if (raw == null || raw instanceof String text && text.isBlank()) {
            return null;
        }
        String where = "customFields." + field.key;
        String text = raw.toString().strip();
        return switch (field.type) {
            case TEXT -> {
                if (text.length() > 2000) {
                    throw new InvalidFieldException(where, field.label + " is longer than 2000 characters");
                }
                yield text;
            }
            case NUMBER -> {
                try {
                    yield new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new InvalidFieldException(where, field.label + " must be a number, not \"" + text + "\"");
                }
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(text).toString();
                } catch (DateTimeParseException e) {
                    throw new InvalidFieldException(where, field.label + " must be a date like 2026-12-31");
                }
            }
            case SELECT -> {
                if (!field.options.contains(text)) {
                    throw new InvalidFieldException(where, field.label + " must be one of " + field.options);
                }
                yield text;
            }
        };
    }
}
