package dev.relaydesk.ticket.mail;

import dev.relaydesk.events.MailReceived;
import dev.relaydesk.messaging.mail.ReplyTokens;
import dev.relaydesk.ticket.mail.rules.MailMatchRules;
import dev.relaydesk.ticket.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the ticket an inbound mail belongs to, most trusted evidence first: the reply token in the address it
 * was sent to (our Reply-To, {@code support+<token>@...}; it cannot be made without the key), the Message-IDs it
 * answers (In-Reply-To, then References newest first), then the admins' rules for senders that strip threading
 * headers ({@link MailMatchRules}; only for the sender a rule names), then a ticket number in the subject. A subject number is
 * guessable, so it only counts when the sender is that ticket's client or an agent on it.
 */
@ApplicationScoped
public class MailThreading {

    private static final Pattern SUBJECT_NUMBER = Pattern.compile("\\[([A-Z][A-Z0-9]{1,9})-(\\d{1,9})]");

    private final ReplyTokens replyTokens;
    private final MailMatchRules rules;

    MailThreading(ReplyTokens replyTokens, MailMatchRules rules) {
        this.replyTokens = replyTokens;
        this.rules = rules;
    }

    /** The ticket a mail belongs to, and the evidence that said so. */
    public record Match(Ticket ticket, MatchedBy matchedBy) {
    }

    public Optional<Match> ticketOf(MailReceived mail) {
        return byReplyToken(mail).map(ticket -> new Match(ticket, MatchedBy.REPLY_TOKEN))
                .or(() -> byMessageIds(mail).map(ticket -> new Match(ticket, MatchedBy.MESSAGE_ID)))
                .or(() -> rules.ticketOf(mail).map(ticket -> new Match(ticket, MatchedBy.MATCH_RULE)))
                .or(() -> bySubjectNumber(mail).map(ticket -> new Match(ticket, MatchedBy.SUBJECT_NUMBER)));
    }

    /** The ticket's client, or an agent we mailed about it (known by the address we mailed). */
    public static boolean isClientOrAgent(Ticket ticket, String address) {
        return ticket.isClient(address) || AgentAddress.agentOf(ticket.id, address).isPresent();
    }

    /** A token that does not check out (tampered, another key's, a plain plus-tag) is no evidence at all. */
    private Optional<Ticket> byReplyToken(MailReceived mail) {
        return mail.recipients().stream()
                .map(replyTokens::ticketOfAddress)
                .flatMap(Optional::stream)
                .map(id -> Ticket.<Ticket>findByIdOptional(id))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private Optional<Ticket> byMessageIds(MailReceived mail) {
        List<String> answered = new ArrayList<>(mail.inReplyTo());
        List<String> references = new ArrayList<>(mail.references());
        Collections.reverse(references);
        answered.addAll(references);
        for (String messageId : answered) {
            Optional<Ticket> ticket = MailReference.ticketOf(messageId).flatMap(id -> Ticket.<Ticket>findByIdOptional(id));
            if (ticket.isPresent()) {
                return ticket;
            }
        }
        return Optional.empty();
    }

    private Optional<Ticket> bySubjectNumber(MailReceived mail) {
        return ticketsNamedInSubject(mail).stream()
                .filter(candidate -> isClientOrAgent(candidate, mail.fromAddress()))
                .findFirst();
    }

    /**
     * The first existing ticket whose number the subject names, whoever sent it: a mail that is not trusted to write
     * there still shows agents the ticket it claims to be about.
     */
    public Optional<Ticket> ticketNamedInSubject(MailReceived mail) {
        return ticketsNamedInSubject(mail).stream().findFirst();
    }

    private static List<Ticket> ticketsNamedInSubject(MailReceived mail) {
        List<Ticket> named = new ArrayList<>();
        if (mail.subject() == null) {
            return named;
        }
        Matcher matcher = SUBJECT_NUMBER.matcher(mail.subject());
        while (matcher.find()) {
            Ticket.byNumber(matcher.group(1), Integer.parseInt(matcher.group(2))).ifPresent(named::add);
        }
        return named;
    }
}
