package dev.relaydesk.ticket.screening;

import dev.relaydesk.contracts.ScreeningDecision;
import dev.relaydesk.contracts.ScreeningDraft;
import dev.relaydesk.events.TicketSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks provider-gateway about a ticket a client is opening. Tickets agents open are not screened. When the gateway
 * itself cannot be reached, the ticket is created as it is: its admin's "reject when unavailable" lives in the
 * gateway, and a broken gateway must not stop support.
 */
@ApplicationScoped
public class Screening {

    private static final Logger LOG = Logger.getLogger(Screening.class);
    private static final Set<TicketSource> SCREENED = EnumSet.of(TicketSource.EMAIL, TicketSource.WEB_FORM, TicketSource.PORTAL);

    private final ScreeningGateway gateway;
    private final boolean enabled;
    private final MeterRegistry metrics;

    Screening(@RestClient ScreeningGateway gateway,
            @ConfigProperty(name = "relaydesk.screening.enabled", defaultValue = "true") boolean enabled,
            MeterRegistry metrics) {
        this.gateway = gateway;
        this.enabled = enabled;
        this.metrics = metrics;
    }

    public ScreeningDecision screen(TicketSource source, ScreeningDraft draft) {
        if (!enabled || !SCREENED.contains(source)) {
            return ScreeningDecision.unchanged();
        }
        try {
            ScreeningDecision decision = gateway.screen(draft);
            return decision == null ? ScreeningDecision.unchanged() : decision;
        } catch (RuntimeException e) {
            LOG.warnf("Ticket screening unavailable (%s); the ticket is created unchanged", e.getClass().getSimpleName());
            metrics.counter("relaydesk.screening.unavailable").increment();
            return ScreeningDecision.unchanged();
        }
    }
}
