package dev.relaydesk.ticket.ui;

import dev.relaydesk.ticket.api.TicketViews.FailingAddressView;
import dev.relaydesk.ticket.api.TicketViews.HistoryView;
import dev.relaydesk.ticket.api.TicketViews.NoteView;
import dev.relaydesk.ticket.api.TicketViews.LinkedTicketView;
import dev.relaydesk.ticket.api.TicketViews.TicketSummary;
import dev.relaydesk.contracts.UserInformation;
import java.util.List;

/** What the agent pages render. */
public final class UiViews {

    private UiViews() {
    }

    /** Who is looking, and the token their forms carry. */
    public record Agent(String username, boolean admin, String formToken) {
    }

    /** The inbox's filters as the form shows them (empty strings for "any"). */
    public record Filters(String q, String project, String type, String stage, String status, String assignee,
            boolean unread) {
    }

    public record InboxView(Agent agent, Filters filters, List<TicketSummary> tickets, String nextPage,
            List<String> projects) {
    }

    public record TicketPageView(Agent agent, TicketSummary ticket, String description, List<FieldInput> fields,
            List<NoteView> notes, List<HistoryView> history, List<String> stages, List<Option> priorities,
            List<Option> assignees, List<TicketSummary> otherTickets, String message, String maxAttachmentLabel,
            List<LinkedTicketView> links, FailingAddressView clientAddressFailing, UserInformation aboutClient) {
    }

    /** One choice of a select or a set of checkboxes. */
    public record Option(String value, boolean selected) {
    }

    /**
     * A custom field as an input: {@code inputType} is the HTML input type (text, number, date) or "select".
     */
    public record FieldInput(String key, String label, String inputType, boolean required, String value,
            List<Option> options) {
    }

    public record Column(String stage, boolean closing, List<TicketSummary> tickets) {
    }

    public record BoardView(Agent agent, String project, List<String> projects, List<Column> columns, String message) {
    }
}
