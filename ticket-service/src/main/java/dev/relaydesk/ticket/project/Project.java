package dev.relaydesk.ticket.project;

import dev.relaydesk.web.InvalidFieldException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** A queue of tickets with its own inbound address and ticket-number key ({@code SUP-42}). */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {

    public static final int DEFAULT_REOPEN_GRACE_DAYS = 14;

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String key;

    @Column(nullable = false)
    public String name;

    @Column(name = "inbound_address", nullable = false, unique = true)
    public String inboundAddress;

    @Column(name = "is_default", nullable = false)
    public boolean isDefault;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "default_type_id")
    public TicketType defaultType;

    /** What a client's mailed reply to a closed ticket does. */
    @Enumerated(EnumType.STRING)
    @Column(name = "closed_reply_policy", nullable = false)
    public ClosedReplyPolicy closedReplyPolicy = ClosedReplyPolicy.REOPEN;

    /** Under {@link ClosedReplyPolicy#REOPEN}: how many days after closing a reply still reopens the ticket. */
    @Column(name = "reopen_grace_days", nullable = false)
    public int reopenGraceDays = DEFAULT_REOPEN_GRACE_DAYS;

    public static Project defaultProject() {
        return find("from Project p left join fetch p.defaultType where p.isDefault = true").<Project>firstResultOptional()
                .orElseThrow(() -> new IllegalStateException("No default project is configured"));
    }

    /** The project whose inbound address is among the recipients; plus-addressed variants count too. */
    public static Optional<Project> forRecipients(Collection<String> recipients) {
        return recipients.stream()
                .map(Project::withoutPlusTag)
                .map(address -> Project.<Project>find("lower(inboundAddress)", address).firstResultOptional())
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The project a request names (null means the default one); an unknown key is a 400 on {@code project}. */
    public static Project chosen(String key) {
        return key == null ? defaultProject() : byKey(key.strip())
                .orElseThrow(() -> new InvalidFieldException("project", "There is no project \"" + key + "\""));
    }

    /** With its default type, which creating a ticket reads next (one query instead of two). */
    public static Optional<Project> byKey(String key) {
        return find("from Project p left join fetch p.defaultType where p.key = ?1", key).firstResultOptional();
    }

    /** Takes the next ticket number from the project's sequence: never shared, never waited for. */
    public int allocateNumber() {
        return ((Number) getEntityManager().createNativeQuery("select nextval(cast(:sequence as regclass))")
                .setParameter("sequence", numberSequence())
                .getSingleResult()).intValue();
    }

    /** Creates the project's ticket-number sequence (in the creating transaction). */
    public void createNumberSequence() {
        getEntityManager().createNativeQuery("create sequence " + numberSequence()).executeUpdate();
    }

    /** The key is validated as [A-Z][A-Z0-9]{1,9}, so the name is a plain SQL identifier. */
    private String numberSequence() {
        return "ticket_number_" + key.toLowerCase(Locale.ROOT);
    }

    static String withoutPlusTag(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        int at = lower.indexOf('@');
        int plus = lower.indexOf('+');
        return plus > 0 && plus < at ? lower.substring(0, plus) + lower.substring(at) : lower;
    }
}
