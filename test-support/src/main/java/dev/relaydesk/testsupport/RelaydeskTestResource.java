package dev.relaydesk.testsupport;

import dev.relaydesk.localstack.Endpoints;
import dev.relaydesk.localstack.postgres.Postgres;
import dev.relaydesk.localstack.testing.SharedTestStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points a service's {@code @QuarkusTest}s at the shared test stack (Kafka, Keycloak, mail server) and at a
 * fresh PostgreSQL database of its own, dropped again when Quarkus stops the application.
 *
 * <pre>{@code @QuarkusTestResource(value = RelaydeskTestResource.class, restrictToAnnotatedClass = false)}</pre>
 *
 * Quarkus starts one application per module run and shares it across the test classes that use the same
 * resources, so the database lives for one module's test run. Init argument {@code database-prefix}
 * replaces the module name in the database name.
 */
public class RelaydeskTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String INTERNAL_API_KEY = "test-internal-key";

    private String prefix;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.get("database-prefix");
    }

    @Override
    public Map<String, String> start() {
        Endpoints infra = SharedTestStack.ensureInfra();
        database = "rd_test_" + (prefix != null ? prefix : moduleName()) + "_"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS"));
        Postgres.createDatabase(database);

        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.jdbcUrl(database));
        config.put("quarkus.datasource.username", infra.pgUser());
        config.put("quarkus.datasource.password", infra.pgPassword());
        config.put("kafka.bootstrap.servers", infra.kafkaBootstrap());
        config.put("quarkus.oidc.auth-server-url", infra.realmUrl());
        config.put("relaydesk.mail.smtp-host", infra.mailHost());
        config.put("relaydesk.mail.smtp-port", String.valueOf(infra.smtpPort()));
        config.put("relaydesk.mail.imap-host", infra.mailHost());
        config.put("relaydesk.mail.imap-port", String.valueOf(infra.imapPort()));
        config.put("relaydesk.mail.domain", "relaydesk.test");
        config.put("relaydesk.internal.api-key", INTERNAL_API_KEY);
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            Postgres.dropDatabase(database);
        }
    }

    /** The database of the running test application (e.g. to inspect it with JDBC). */
    public String database() {
        return database;
    }

    /** The module directory's name (Surefire runs in it), made a valid database name part. */
    private static String moduleName() {
        String dir = Path.of("").toAbsolutePath().getFileName().toString();
        String name = dir.toLowerCase().replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return name.isEmpty() ? "module" : name.substring(0, Math.min(name.length(), 30));
    }
}
