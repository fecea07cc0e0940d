package dev.relaydesk.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What provider-gateway tells ticket-service about a client for the agent's ticket page ({@code GET
 * /internal/user-information}): the external provider's labelled sections, already checked and bounded, or why
 * there are none. {@code NOT_CONFIGURED}: no provider, show nothing; {@code UNAVAILABLE}: the provider gave no
 * usable answer in time, say so quietly; {@code reason} then says why (for logs, not for agents).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserInformation(Status status, List<Section> sections, String reason) {

    public enum Status {
        AVAILABLE, UNAVAILABLE, NOT_CONFIGURED
    }

    /** A titled group of facts, e.g. "Recent purchases". */
    public record Section(String title, List<Item> items) {

        public Section {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** One fact: a label, its value, and optionally a link (http or https only) to see more. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String label, String value, String url) {
    }

    public UserInformation {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    public static UserInformation available(List<Section> sections) {
        return new UserInformation(Status.AVAILABLE, sections, null);
    }

    public static UserInformation unavailable(String reason) {
        return new UserInformation(Status.UNAVAILABLE, List.of(), reason);
    }

    public static UserInformation notConfigured() {
        return new UserInformation(Status.NOT_CONFIGURED, List.of(), null);
    }

    public boolean isAvailable() {
        return status == Status.AVAILABLE;
    }

    public boolean isUnavailable() {
        return status == Status.UNAVAILABLE;
    }
}
