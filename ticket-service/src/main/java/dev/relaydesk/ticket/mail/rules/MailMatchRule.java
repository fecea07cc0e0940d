package dev.relaydesk.ticket.mail.rules;

import dev.relaydesk.events.MailReceived;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * An admin's rule for a sender that strips threading headers: where in its mail to look, and what the one capture
 * group of the pattern names. Mail from any other sender is never matched by it.
 */
@Entity
@Table(name = "mail_match_rule")
public class MailMatchRule extends PanacheEntityBase {

    /** Where the pattern is searched. */
    public enum Source {
        HEADER, SUBJECT, BODY
    }

    /** What the capture group is. */
    public enum Yields {
        /** A ticket number such as SUP-42. */
        TICKET_NUMBER,
        /** The sender's own id (an alert or incident id), remembered on the ticket its first mail opened. */
        EXTERNAL_REFERENCE
    }

    /** Bodies are searched only this far, so a pattern's cost stays bounded on a huge mail. */
    static final int MAX_SEARCHED = 65_536;
    /** And for at most this long (an admin's pattern may backtrack catastrophically). */
    private static final long MAX_NANOS = 200_000_000L;
    private static final Logger LOG = Logger.getLogger(MailMatchRule.class);

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** {@code alerts@mon.example}, or {@code @mon.example} for the domain and its subdomains; lower case. */
    @Column(nullable = false)
    public String sender;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Column(name = "header_name")
    public String headerName;

    @Column(nullable = false)
    public String pattern;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Yields yields;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean appliesTo(String fromAddress) {
        if (fromAddress == null) {
            return false;
        }
        String from = fromAddress.strip().toLowerCase(Locale.ROOT);
        if (!sender.startsWith("@")) {
            return from.equals(sender);
        }
        String domain = from.substring(from.lastIndexOf('@') + 1);
        String ruleDomain = sender.substring(1);
        return domain.equals(ruleDomain) || domain.endsWith("." + ruleDomain);
    }

    /** The capture group's value in the mail, if the sender is this rule's and the pattern finds it. */
    public Optional<String> valueIn(MailReceived mail) {
        if (!appliesTo(mail.fromAddress())) {
            return Optional.empty();
        }
        String text = switch (source) {
            case HEADER -> mail.header(headerName);
            case SUBJECT -> mail.subject();
            case BODY -> mail.textBody();
        };
        if (text == null) {
            return Optional.empty();
        }
        String searched = text.length() > MAX_SEARCHED ? text.substring(0, MAX_SEARCHED) : text;
        Matcher matcher = Pattern.compile(pattern).matcher(new BoundedText(searched, System.nanoTime() + MAX_NANOS));
        try {
            if (!matcher.find() || matcher.group(1) == null || matcher.group(1).isBlank()) {
                return Optional.empty();
            }
            return Optional.of(matcher.group(1).strip());
        } catch (BoundedText.TooSlow slow) {
            LOG.warnf("Mail match rule \"%s\" gave up on mail %s: its pattern takes too long", name, mail.mailId());
            return Optional.empty();
        }
    }
}
