package dev.relaydesk.notification.delivery;

import dev.relaydesk.notification.delivery.Delivery.Status;
import dev.relaydesk.web.InvalidFieldException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The delivery log: every message the service owes or sent, newest first, with each attempt and the SMTP
 * server's (or SMS provider's) answer. {@code status} is one of queued (not tried yet), failed (an attempt failed, the next is
 * scheduled), retried (needed more than one attempt, whatever came of it), sent, given_up.
 */
@Path("/api/admin/deliveries")
@RolesAllowed("admin")
@Transactional(Transactional.TxType.SUPPORTS)
public class DeliveryAdminResource {

    private static final Map<String, Status> STATUSES = Map.of("queued", Status.QUEUED, "failed", Status.FAILED,
            "sent", Status.SENT, "given_up", Status.GIVEN_UP);

    public record AttemptView(int attempt, Instant at, String outcome, String answer) {
    }

    public record DeliveryView(UUID id, String kind, String channel, UUID ticketId, String recipientEmail,
            String recipientAgent, String recipientPhone, UUID ruleId,
            String status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError,
            List<AttemptView> attemptLog) {
    }

    @GET
    public List<DeliveryView> list(@QueryParam("status") String status, @QueryParam("ticketId") UUID ticketId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (status != null) {
            String wanted = status.toLowerCase(Locale.ROOT);
            if (wanted.equals("retried")) {
                where.add("attempts > 1");
            } else if (STATUSES.containsKey(wanted)) {
                where.add("status = :status");
                parameters.and("status", STATUSES.get(wanted));
            } else {
                throw new InvalidFieldException("status", "status is one of queued, failed, retried, sent, given_up.");
            }
        }
        if (ticketId != null) {
            where.add("ticketId = :ticketId");
            parameters.and("ticketId", ticketId);
        }
        Sort newestFirst = Sort.descending("createdAt");
        PanacheQuery<Delivery> query = where.isEmpty() ? Delivery.findAll(newestFirst)
                : Delivery.find(String.join(" and ", where), newestFirst, parameters);
        return query.page(Page.ofSize(limit)).list().stream()
                .map(delivery -> view(delivery, List.of()))
                .toList();
    }

    @GET
    @Path("/{id}")
    public DeliveryView read(@PathParam("id") UUID id) {
        Delivery delivery = Delivery.<Delivery>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("There is no delivery " + id + "."));
        return view(delivery, DeliveryAttempt.of(id).stream()
                .map(a -> new AttemptView(a.key.attempt(), a.attemptedAt, a.outcome.name().toLowerCase(Locale.ROOT), a.answer))
                .toList());
    }

    private static DeliveryView view(Delivery d, List<AttemptView> attempts) {
        return new DeliveryView(d.id, d.kind.slug(), d.channel.name().toLowerCase(Locale.ROOT), d.ticketId,
                d.recipientEmail, d.recipientAgent, d.recipientPhone, d.ruleId,
                d.status.name().toLowerCase(Locale.ROOT), d.attempts, d.createdAt,
                d.status == Status.QUEUED || d.status == Status.FAILED ? d.nextAttemptAt : null, d.sentAt, d.lastError,
                attempts);
    }
}
