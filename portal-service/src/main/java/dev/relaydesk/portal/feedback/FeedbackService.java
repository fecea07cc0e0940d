package dev.relaydesk.portal.feedback;

import dev.relaydesk.portal.link.AccessLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** Feedback is the portal's own: one per ticket, left by whoever holds the ticket's link. */
@ApplicationScoped
@Transactional
public class FeedbackService {

    public static final int MAX_COMMENT = 2_000;

    /** A second feedback for the same ticket. */
    public static class AlreadyGivenException extends RuntimeException {
        AlreadyGivenException() {
            super("feedback was already given", null, false, false);
        }
    }

    private final EntityManager entityManager;

    FeedbackService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Stores the feedback unless the ticket has some already. The insert itself decides, so two submissions
     * racing from two tabs still leave one.
     */
    public void leave(AccessLink link, int rating, String comment) {
        leave(link.ticketId, link.id, link.clientEmail, rating, comment);
    }

    /** As {@link #leave(AccessLink, int, String)}, for a client who is logged in (no link). */
    public void leaveAsClient(UUID ticketId, String clientEmail, int rating, String comment) {
        leave(ticketId, null, clientEmail, rating, comment);
    }

    private void leave(UUID ticketId, UUID linkId, String clientEmail, int rating, String comment) {
        int inserted = entityManager.createNativeQuery("""
                insert into feedback (ticket_id, link_id, client_email, rating, comment, created_at)
                values (?1, cast(?2 as uuid), ?3, ?4, ?5, ?6) on conflict (ticket_id) do nothing""")
                .setParameter(1, ticketId)
                .setParameter(2, linkId)
                .setParameter(3, clientEmail)
                .setParameter(4, (short) rating)
                .setParameter(5, comment == null || comment.isBlank() ? null : comment.strip())
                .setParameter(6, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        if (inserted == 0) {
            throw new AlreadyGivenException();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Feedback> of(UUID ticketId) {
        return Optional.ofNullable(Feedback.findById(ticketId));
    }
}
