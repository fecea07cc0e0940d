package dev.relaydesk.ticket.ui;

import dev.relaydesk.ticket.api.TicketViews.FailingAddressView;
import dev.relaydesk.events.TicketPriority;
import dev.relaydesk.ticket.access.AgentAccess;
import dev.relaydesk.ticket.access.TypePermissions;
import dev.relaydesk.ticket.api.TicketViews.HistoryView;
import dev.relaydesk.ticket.api.TicketViews.LinkedTicketView;
import dev.relaydesk.ticket.api.TicketViews.NoteView;
import dev.relaydesk.ticket.api.TicketViews.TicketSummary;
import dev.relaydesk.ticket.attachment.Attachments;
import dev.relaydesk.ticket.field.CustomField;
import dev.relaydesk.ticket.history.HistoryEntry;
import dev.relaydesk.ticket.project.WorkflowStage;
import dev.relaydesk.ticket.search.TicketQuery;
import dev.relaydesk.ticket.search.TicketSearch;
import dev.relaydesk.ticket.ticket.Ticket;
import dev.relaydesk.ticket.ui.UiViews.Agent;
import dev.relaydesk.ticket.userinformation.AboutClient;
import dev.relaydesk.ticket.ui.UiViews.FieldInput;
import dev.relaydesk.ticket.ui.UiViews.Option;
import dev.relaydesk.ticket.ui.UiViews.TicketPageView;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Everything the ticket page shows and offers, for the agent looking at it. */
@ApplicationScoped
class TicketPages {

    private static final int OTHER_TICKETS = 20;

    private final AgentAccess access;
    private final TicketSearch search;
    private final Attachments attachments;
    private final AboutClient aboutClient;

    TicketPages(AgentAccess access, TicketSearch search, Attachments attachments, AboutClient aboutClient) {
        this.access = access;
        this.search = search;
        this.attachments = attachments;
        this.aboutClient = aboutClient;
    }

    TicketPageView of(Ticket ticket, Agent agent, String message) {
        List<TicketSummary> others = search.find(new TicketQuery(null, null, null, null, null, null, ticket.clientEmail,
                        null, null, TicketQuery.Order.CREATED), access, null, OTHER_TICKETS).tickets().stream()
                .filter(other -> !other.id.equals(ticket.id)).map(TicketSummary::of).toList();
        List<String> stages = WorkflowStage.ofProject(ticket.project.id).stream().map(s -> s.name).toList();
        List<Option> priorities = Arrays.stream(TicketPriority.values())
                .map(p -> new Option(p.name(), p == ticket.priority)).toList();
        List<Option> assignees = assigneeCandidates(ticket).stream()
                .map(agentName -> new Option(agentName, ticket.assigneeNames().contains(agentName))).toList();
        return new TicketPageView(agent, TicketSummary.of(ticket), ticket.description, fieldInputs(ticket),
                NoteView.ofTicket(ticket.id),
                HistoryEntry.ofTicket(ticket.id).stream().map(HistoryView::of).toList(), stages, priorities, assignees,
                others, message, attachments.maxSizeLabel(), LinkedTicketView.ofTicket(ticket.id, access::maySee),
                FailingAddressView.ofClient(ticket), aboutClient.of(ticket));
    }

    /**
     * Who may be chosen as an assignee: the agents allowed on the ticket's type, an admin themselves, and whoever
     * has it already (keeping someone grants nothing new).
     */
    Set<String> assigneeCandidates(Ticket ticket) {
        Set<String> candidates = new TreeSet<>(TypePermissions.agentsOf(ticket.type.id));
        candidates.addAll(ticket.assigneeNames());
        if (access.seesAllTypes()) {
            candidates.add(access.username());
        }
        return candidates;
    }

    private static List<FieldInput> fieldInputs(Ticket ticket) {
        return CustomField.ofProject(ticket.project.id).stream().map(field -> {
            String value = text(ticket.customFields.get(field.key));
            List<Option> options = field.options.stream().map(o -> new Option(o, o.equals(value))).toList();
            return new FieldInput(field.key, field.label, field.type.name().toLowerCase(Locale.ROOT), field.required,
                    value, options);
        }).toList();
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }
}
