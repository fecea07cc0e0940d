package dev.relaydesk.localstack;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every loopback port one stack uses. Two stacks with different ports can run side by side. */
public record StackPorts(
        int kafka,
        int kafkaController,
        int keycloak,
        int keycloakManagement,
        int smtp,
        int imap,
        int ticketService,
        int portalService,
        int mailIngestService,
        int notificationService,
        int identityService,
        int providerGateway,
        int smtpReceiver) {

    /** The documented ports (ARCHITECTURE.md), used by {@code ./relaydesk up}. */
    public static StackPorts defaults() {
        return new StackPorts(9092, 9093, 8180, 8190, 3025, 3143, 8081, 8082, 8083, 8084, 8085, 8086, 2525);
    }

    /**
     * The shared test stack: the defaults shifted by 10000, so tests run while {@code up} runs. The
     * environment variable {@code RELAYDESK_TEST_PORT_OFFSET} picks another shift, so builds of two clones
     * can run side by side.
     */
    public static StackPorts forTests() {
        String offset = System.getenv("RELAYDESK_TEST_PORT_OFFSET");
        return defaults().shiftedBy(offset == null || offset.isBlank() ? 10_000 : Integer.parseInt(offset.strip()));
    }

    StackPorts shiftedBy(int offset) {
        return new StackPorts(kafka + offset, kafkaController + offset, keycloak + offset, keycloakManagement + offset,
                smtp + offset, imap + offset, ticketService + offset, portalService + offset,
                mailIngestService + offset, notificationService + offset, identityService + offset,
                providerGateway + offset, smtpReceiver + offset);
    }

    /** The infrastructure ports by what listens there (for "port in use" checks and messages). */
    public Map<String, Integer> infraPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka", kafka);
        ports.put("Kafka controller", kafkaController);
        ports.put("Keycloak", keycloak);
        ports.put("Keycloak management", keycloakManagement);
        ports.put("mail server SMTP", smtp);
        ports.put("mail server IMAP", imap);
        return ports;
    }
}
