package dev.relaydesk.portal.testing;

import dev.relaydesk.localstack.Endpoints;
import dev.relaydesk.localstack.RepoRoot;
import dev.relaydesk.localstack.postgres.Postgres;
import dev.relaydesk.localstack.process.PidRegistry;
import dev.relaydesk.localstack.services.ServiceCatalog;
import dev.relaydesk.localstack.services.ServiceRunner;
import dev.relaydesk.localstack.testing.SharedTestStack;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real ticket-service (its packaged jar, as the local stack runs it) on a free port with a database of its
 * own, for the tests whose client actions must really happen: the portal under test is pointed at it, and its
 * ticket events reach the portal through the shared Kafka broker.
 */
public class TicketServiceProcess implements QuarkusTestResourceLifecycleManager {

    /** Where the running ticket-service answers (for tests that ask it as an agent would). */
    public static volatile String baseUrl;

    private ServiceRunner runner;
    private String database;

    @Override
    public Map<String, String> start() {
        Endpoints infra = SharedTestStack.ensureInfra();
        database = "rd_test_portal_tickets_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS"));
        Postgres.createDatabase(database);
        ServiceCatalog.Service catalogued = ServiceCatalog.services(SharedTestStack.ports(), infra, database,
                RelaydeskTestResource.INTERNAL_API_KEY, null).stream()
                .filter(s -> s.module().equals(ServiceCatalog.TICKET)).findFirst().orElseThrow();
        int port = freePort();
        Map<String, String> properties = new LinkedHashMap<>(catalogued.properties());
        properties.put("quarkus.http.port", String.valueOf(port));
        ServiceCatalog.Service service = new ServiceCatalog.Service(ServiceCatalog.TICKET, port, properties);
        Path root = RepoRoot.find();
        Path home = root.resolve("portal-service/target/ticket-service-process");
        runner = ServiceRunner.start(root, List.of(service), home, new PidRegistry(home.resolve("pids")));
        baseUrl = service.baseUrl();
        return Map.of("relaydesk.tickets.internal-url", baseUrl);
    }

    @Override
    public void stop() {
        if (runner != null) {
            runner.close();
        }
        if (database != null) {
            Postgres.dropDatabase(database);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
