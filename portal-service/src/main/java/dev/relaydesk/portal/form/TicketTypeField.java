package dev.relaydesk.portal.form;

import dev.relaydesk.portal.profile.PortalProfile;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * The "type of request" choice of the form on the current page (web form, "add ticket"): the project's ticket types
 * that its portal profile lets clients choose (all of them when the profile lists none). Request-scoped like the
 * custom fields; the template asks it as {@code inject:ticketTypeField}. A type the profile does not allow is refused
 * here with a readable message, whatever was posted, before ticket-service is asked.
 */
@Named("ticketTypeField")
@RequestScoped
public class TicketTypeField {

    /** The type to send to ticket-service (null: the project's default type), or why the posted one was refused. */
    public record Choice(String type, String error) {
    }

    private List<String> offered = List.of();
    private boolean restricted;
    private String selected;
    private String error;

    /**
     * Offers the project's types the profile allows.
     *
     * @param projectTypes the project's types as ticket-service names them; empty when it did not say (then the
     *                     profile's list is all the portal knows)
     */
    public void show(String projectKey, List<String> projectTypes, String defaultType) {
        List<String> allowed = PortalProfile.clientTicketTypesOf(projectKey);
        restricted = !allowed.isEmpty();
        offered = allowedOf(projectTypes.isEmpty() ? allowed : projectTypes, allowed);
        selected = matching(offered, defaultType).orElse(offered.isEmpty() ? null : offered.get(0));
    }

    /** The project's types a profile's list allows (every one when the list is empty), in the project's order. */
    public static List<String> allowedOf(List<String> projectTypes, List<String> allowed) {
        return allowed.isEmpty() ? List.copyOf(projectTypes)
                : projectTypes.stream().filter(type -> matching(allowed, type).isPresent()).toList();
    }

    /** Checks what the form sent; blank means "not chosen" (the select was not shown, or was left alone). */
    public Choice choose(String posted) {
        String type = posted == null || posted.isBlank() ? null : posted.strip();
        if (type == null) {
            if (!restricted) {
                return new Choice(null, null);
            }
            if (selected == null) {
                return refuse(null, "Requests cannot be sent from this form right now. Please contact us another way.");
            }
            return new Choice(selected, null);
        }
        Optional<String> known = matching(offered, type);
        if (known.isPresent()) {
            selected = known.get();
            return new Choice(known.get(), null);
        }
        if (offered.isEmpty() && !restricted) {
            return new Choice(type, null); // ticket-service did not list the types: it checks the name itself
        }
        return refuse(type, offered.isEmpty()
                ? "Requests cannot be sent from this form right now. Please contact us another way."
                : "\"" + type + "\" is not a type of request you can choose here. Choose one of: "
                        + String.join(", ", offered) + ".");
    }

    /** ticket-service refused the type (a type renamed or removed since the form was shown). */
    public void refused(String message) {
        error = message;
    }

    private Choice refuse(String type, String message) {
        error = message;
        return new Choice(type, message);
    }

    /** Shown as a select only when there is a choice to make. */
    public boolean shown() {
        return offered.size() > 1;
    }

    public List<String> offered() {
        return offered;
    }

    public boolean isSelected(String type) {
        return type.equals(selected);
    }

    public String error() {
        return error;
    }

    private static Optional<String> matching(List<String> types, String type) {
        return type == null ? Optional.empty()
                : types.stream().filter(candidate -> candidate.equalsIgnoreCase(type.strip())).findFirst();
    }
}
