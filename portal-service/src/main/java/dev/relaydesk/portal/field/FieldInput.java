package dev.relaydesk.portal.field;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * One custom field as a portal form shows it: the project's definition, the value to show (what the client typed,
 * or a pre-filled one) and ticket-service's word on it when it was refused.
 */
@TemplateData
public record FieldInput(String key, String label, String type, boolean required, List<String> options, String value,
        String error) {

    /** Form parameters of custom fields are named {@code cf.<key>}. */
    public static final String PREFIX = "cf.";

    public String name() {
        return PREFIX + key;
    }

    public String id() {
        return "cf-" + key;
    }

    public boolean isSelect() {
        return "SELECT".equals(type);
    }

    public String inputType() {
        return "DATE".equals(type) ? "date" : "text";
    }

    /** A phone's keyboard for numbers. */
    public String inputMode() {
        return "NUMBER".equals(type) ? "decimal" : "text";
    }

    public String valueOrEmpty() {
        return value == null ? "" : value;
    }

    public boolean selected(String option) {
        return option.equals(value);
    }
}
