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

    /** The shared test stack: the defaults shifted by 10000, so tests run while {@code up} runs. */
    public static StackPorts forTests() {
        return new StackPorts(19092, 19093, 18180, 18190, 13025, 13143, 18081, 18082, 18083, 18084, 18085, 18086, 12525);
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
