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
 * Another real service (its packaged jar, as the local stack runs it) on a free port with a database of its own,
 * for the tests whose calls to it must really happen: the portal under test is pointed at it by one property.
 */
abstract class ServiceProcess implements QuarkusTestResourceLifecycleManager {

    private final String module;
    private final String urlProperty;
    private ServiceRunner runner;
    private String database;

    ServiceProcess(String module, String urlProperty) {
        this.module = module;
        this.urlProperty = urlProperty;
    }

    /** Called with the base URL once the service answers. */
    abstract void started(String baseUrl);

    @Override
    public Map<String, String> start() {
        Endpoints infra = SharedTestStack.ensureInfra();
        database = "rd_test_portal_" + module.replace("-service", "").replace('-', '_') + "_"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS"));
        Postgres.createDatabase(database);
        ServiceCatalog.Service catalogued = ServiceCatalog.services(SharedTestStack.ports(), infra, database,
                RelaydeskTestResource.INTERNAL_API_KEY, null).stream()
                .filter(s -> s.module().equals(module)).findFirst().orElseThrow();
        int port = freePort();
        Map<String, String> properties = new LinkedHashMap<>(catalogued.properties());
        properties.put("quarkus.http.port", String.valueOf(port));
        ServiceCatalog.Service service = new ServiceCatalog.Service(module, port, properties);
        Path root = RepoRoot.find();
        Path home = root.resolve("portal-service/target/" + module + "-process");
        runner = ServiceRunner.start(root, List.of(service), home, new PidRegistry(home.resolve("pids")));
        started(service.baseUrl());
        return Map.of(urlProperty, service.baseUrl());
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
