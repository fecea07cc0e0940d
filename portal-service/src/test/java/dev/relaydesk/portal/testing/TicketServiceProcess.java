package dev.relaydesk.portal.testing;

import dev.relaydesk.localstack.services.ServiceCatalog;

/**
 * The real ticket-service, for the tests whose client actions must really happen: its ticket events reach the
 * portal through the shared Kafka broker.
 */
public class TicketServiceProcess extends ServiceProcess {

    /** Where the running ticket-service answers (for tests that ask it as an agent would). */
    public static volatile String baseUrl;

    public TicketServiceProcess() {
        super(ServiceCatalog.TICKET, "relaydesk.tickets.internal-url");
    }

    @Override
    void started(String url) {
        baseUrl = url;
    }
}
