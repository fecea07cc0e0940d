package dev.relaydesk.ticket.userinformation;

import dev.relaydesk.contracts.UserInformation;
import dev.relaydesk.contracts.UserInformation.Item;
import dev.relaydesk.contracts.UserInformation.Section;
import dev.relaydesk.ticket.ticket.Ticket;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * What the user-information provider knows of a ticket's client, for the "About this client" panel. Whatever goes
 * wrong on the way (gateway down or slow, circuit open), the page still renders and only says "not available".
 */
@ApplicationScoped
public class AboutClient {

    private static final Logger LOG = Logger.getLogger(AboutClient.class);

    private final UserInformationGateway gateway;
    private final boolean enabled;
    private final MeterRegistry metrics;

    AboutClient(@RestClient UserInformationGateway gateway,
            @ConfigProperty(name = "relaydesk.providers.user-information.enabled", defaultValue = "true") boolean enabled,
            MeterRegistry metrics) {
        this.gateway = gateway;
        this.enabled = enabled;
        this.metrics = metrics;
    }

    public UserInformation of(Ticket ticket) {
        if (!enabled) {
            return UserInformation.notConfigured();
        }
        try {
            UserInformation information = gateway.about(ticket.clientEmail, ticket.clientName, ticket.displayNumber(),
                    ticket.project.key);
            return information == null || information.status() == null
                    ? UserInformation.unavailable("empty answer from provider-gateway")
                    : withSafeLinks(information);
        } catch (RuntimeException e) {
            LOG.warnf("User information unavailable (%s); the ticket page says so", e.getClass().getSimpleName());
            metrics.counter("relaydesk.user-information.unavailable").increment();
            return UserInformation.unavailable(e.getClass().getSimpleName());
        }
    }

    /** The gateway only passes http(s) links; checked again here, as they become hrefs on an agent's page. */
    private static UserInformation withSafeLinks(UserInformation information) {
        List<Section> sections = information.sections().stream()
                .map(section -> new Section(section.title(), section.items().stream()
                        .map(item -> new Item(item.label(), item.value(), safe(item.url()) ? item.url() : null)).toList()))
                .toList();
        return new UserInformation(information.status(), sections, information.reason());
    }

    private static boolean safe(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }
}
