package dev.relaydesk.localstack;

import dev.relaydesk.localstack.postgres.Postgres;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a running stack can be reached. Infrastructure fields are always set; the database, the
 * service URLs (module name to base URL), the receiver port and the internal API key only when the
 * stack runs services.
 */
public record Endpoints(
        String kafkaBootstrap,
        String keycloakUrl,
        String mailHost,
        int smtpPort,
        int imapPort,
        String pgUser,
        String pgPassword,
        String database,
        Map<String, String> serviceUrls,
        int smtpReceiverPort,
        String internalApiKey) {

    public static final String REALM = "relaydesk";
    public static final String LOOPBACK = "127.0.0.1";

    public Endpoints {
        serviceUrls = Collections.unmodifiableMap(new LinkedHashMap<>(serviceUrls)); // keeps the catalog order
    }

    /** Endpoints of the infrastructure on the given ports (everything listens on 127.0.0.1). */
    public static Endpoints infra(StackPorts ports) {
        return new Endpoints(LOOPBACK + ":" + ports.kafka(), "http://" + LOOPBACK + ":" + ports.keycloak(),
                LOOPBACK, ports.smtp(), ports.imap(), Postgres.USER, Postgres.PASSWORD, null, Map.of(), 0, null);
    }

    public Endpoints withServices(String database, Map<String, String> serviceUrls, int smtpReceiverPort,
            String internalApiKey) {
        return new Endpoints(kafkaBootstrap, keycloakUrl, mailHost, smtpPort, imapPort, pgUser, pgPassword,
                database, serviceUrls, smtpReceiverPort, internalApiKey);
    }

    /** The relaydesk realm, i.e. the OIDC issuer and {@code quarkus.oidc.auth-server-url}. */
    public String realmUrl() {
        return keycloakUrl + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    public String jdbcUrl(String database) {
        return Postgres.jdbcUrl(database);
    }

    /** JDBC URL of the stack's own database (only when it runs services). */
    public String jdbcUrl() {
        if (database == null) {
            throw new IllegalStateException("this stack has no database of its own");
        }
        return jdbcUrl(database);
    }

    /** Base URL of a running service, e.g. {@code serviceUrl("ticket-service")}. */
    public String serviceUrl(String module) {
        String url = serviceUrls.get(module);
        if (url == null) {
            throw new IllegalArgumentException(module + " is not running in this stack (running: " + serviceUrls.keySet() + ")");
        }
        return url;
    }
}
