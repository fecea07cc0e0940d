package dev.relaydesk.ticket.mail.rules;

import dev.relaydesk.events.MailReceived;
import dev.relaydesk.ticket.ticket.Ticket;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Applies the admins' rules to an inbound mail: the ticket a rule's capture group names (a ticket number, or a
 * reference an earlier mail of the same rule left on a ticket), and remembering references on the mail's ticket.
 */
@ApplicationScoped
public class MailMatchRules {

    private static final Logger LOG = Logger.getLogger(MailMatchRules.class);
    private static final Pattern TICKET_NUMBER = Pattern.compile("([A-Z][A-Z0-9]{1,9})-(\\d{1,9})");

    /** The ticket the first applicable rule (oldest first) names, if any. */
    public Optional<Ticket> ticketOf(MailReceived mail) {
        for (MailMatchRule rule : rules()) {
            Optional<String> value = rule.valueIn(mail);
            if (value.isEmpty()) {
                continue;
            }
            Optional<Ticket> ticket = switch (rule.yields) {
                case TICKET_NUMBER -> byNumber(value.get());
                case EXTERNAL_REFERENCE -> ExternalReference.ticketOf(rule.id, value.get())
                        .flatMap(id -> Ticket.<Ticket>findByIdOptional(id));
            };
            if (ticket.isPresent()) {
                LOG.infof("Mail %s matched %s by rule \"%s\"", mail.mailId(), ticket.get().displayNumber(), rule.name);
                return ticket;
            }
        }
        return Optional.empty();
    }

    /** The references the rules find in the mail now belong to its ticket (the first mail of an incident). */
    public void remember(MailReceived mail, Ticket ticket) {
        for (MailMatchRule rule : rules()) {
            if (rule.yields == MailMatchRule.Yields.EXTERNAL_REFERENCE) {
                rule.valueIn(mail).ifPresent(reference -> ExternalReference.remember(rule.id, reference, ticket.id));
            }
        }
    }

    private static List<MailMatchRule> rules() {
        return MailMatchRule.listAll(Sort.by("createdAt").and("id"));
    }

    private static Optional<Ticket> byNumber(String value) {
        Matcher matcher = TICKET_NUMBER.matcher(value.toUpperCase(java.util.Locale.ROOT));
        return matcher.matches() ? Ticket.byNumber(matcher.group(1), Integer.parseInt(matcher.group(2))) : Optional.empty();
    }
}
