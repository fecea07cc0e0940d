package dev.relaydesk.localstack.services;

import dev.relaydesk.localstack.Endpoints;
import dev.relaydesk.localstack.StackPorts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The six services: module directory, HTTP port and the configuration a stack passes to each. */
public final class ServiceCatalog {

    public static final String TICKET = "ticket-service";
    public static final String PORTAL = "portal-service";
    public static final String MAIL_INGEST = "mail-ingest-service";
    /** The local stack's secret for mail-ingest's HTTP intake (POST /api/inbound/mail). */
    public static final String LOCAL_INBOUND_SECRET = "local-inbound-secret";
    public static final String NOTIFICATION = "notification-service";
    /**
     * The local stack's key for reply tokens (Reply-To plus-addresses): notification-service makes them,
     * ticket-service checks them, so both get the same one.
     */
    public static final String LOCAL_REPLY_TOKEN_KEY = "local-reply-token-key-for-the-local-stack-only";
    public static final String IDENTITY = "identity-service";
    public static final String PROVIDER_GATEWAY = "provider-gateway";

    public static final List<String> MODULES = List.of(TICKET, PORTAL, MAIL_INGEST, NOTIFICATION, IDENTITY, PROVIDER_GATEWAY);

    public static final String MAIL_DOMAIN = "relaydesk.test";

    /** One service as a stack runs it: {@code java -jar <module>/target/quarkus-app/quarkus-run.jar -D...}. */
    public record Service(String module, int port, Map<String, String> properties) {

        public String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        /** This service with more configuration, which wins over what it had. */
        public Service with(Map<String, String> more) {
            if (more.isEmpty()) {
                return this;
            }
            Map<String, String> merged = new LinkedHashMap<>(properties);
            merged.putAll(more);
            return new Service(module, port, Collections.unmodifiableMap(merged));
        }
    }

    private ServiceCatalog() {
    }

    public static int port(String module, StackPorts ports) {
        return switch (module) {
            case TICKET -> ports.ticketService();
            case PORTAL -> ports.portalService();
            case MAIL_INGEST -> ports.mailIngestService();
            case NOTIFICATION -> ports.notificationService();
            case IDENTITY -> ports.identityService();
            case PROVIDER_GATEWAY -> ports.providerGateway();
            default -> throw new IllegalArgumentException("unknown service " + module);
        };
    }

    /**
     * @param portalPublicUrl the portal's address as clients see it (links in mails), or null for
     *                        {@code http://127.0.0.1:<portal port>}
     */
    public static List<Service> services(StackPorts ports, Endpoints infra, String database, String internalApiKey,
            String portalPublicUrl) {
        String portalInternal = "http://127.0.0.1:" + ports.portalService();
        return MODULES.stream().map(module -> {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("quarkus.http.host", "127.0.0.1");
            p.put("quarkus.http.port", String.valueOf(port(module, ports)));
            p.put("quarkus.datasource.jdbc.url", infra.jdbcUrl(database));
            p.put("quarkus.datasource.username", infra.pgUser());
            p.put("quarkus.datasource.password", infra.pgPassword());
            p.put("kafka.bootstrap.servers", infra.kafkaBootstrap());
            p.put("quarkus.oidc.auth-server-url", infra.realmUrl());
            p.put("relaydesk.internal.api-key", internalApiKey);
            p.put("relaydesk.mail.domain", MAIL_DOMAIN);
            switch (module) {
                case TICKET -> {
                    p.put("relaydesk.providers.internal-url", "http://127.0.0.1:" + ports.providerGateway());
                    p.put("relaydesk.mail.reply-token-key", LOCAL_REPLY_TOKEN_KEY);
                }
                case PORTAL -> {
                    p.put("relaydesk.portal.public-url", portalPublicUrl != null ? portalPublicUrl : portalInternal);
                    p.put("relaydesk.tickets.internal-url", "http://127.0.0.1:" + ports.ticketService());
                    // clients who register from a ticket link get their account from identity-service
                    p.put("relaydesk.identity.internal-url", "http://127.0.0.1:" + ports.identityService());
                    // a logged-in client's "add ticket" form asks the custom-fields provider for their extra fields
                    p.put("relaydesk.providers.internal-url", "http://127.0.0.1:" + ports.providerGateway());
                }
                case MAIL_INGEST -> {
                    p.put("relaydesk.mail-ingest.smtp.port", String.valueOf(ports.smtpReceiver()));
                    p.put("relaydesk.inbound.http-secret", LOCAL_INBOUND_SECRET); // for curl on the local stack only
                }
                // the admin's registration provider (if any) may veto an account, asked through the gateway
                case IDENTITY -> p.put("relaydesk.providers.internal-url", "http://127.0.0.1:" + ports.providerGateway());
                // everything of a local stack runs on loopback, the sample provider of the README too
                case PROVIDER_GATEWAY -> p.put("relaydesk.providers.allowed-hosts", "127.0.0.1");
                case NOTIFICATION -> {
                    p.put("relaydesk.mail.smtp-host", infra.mailHost());
                    p.put("relaydesk.mail.smtp-port", String.valueOf(infra.smtpPort()));
                    p.put("relaydesk.portal.internal-url", portalInternal);
                    p.put("relaydesk.mail.reply-token-key", LOCAL_REPLY_TOKEN_KEY);
                }
                default -> {
                }
            }
            return new Service(module, port(module, ports), Collections.unmodifiableMap(p));
        }).toList();
    }
}
