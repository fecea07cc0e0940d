package dev.relaydesk.deploy;

import static dev.relaydesk.deploy.Violations.assertNone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml as `docker-compose config` resolves it (anchors, merges, .env), offline: no Docker engine
 * is needed to validate. Skipped, with a message, only where docker-compose is not installed.
 */
class DockerComposeTest {

    private static JsonNode config;

    @BeforeAll
    static void resolveComposeFile() throws Exception {
        Path root = Repository.root();
        Process process;
        try {
            process = new ProcessBuilder("docker-compose", "-f", root.resolve("docker-compose.yml").toString(), "config")
                    .directory(root.toFile())
                    .start();
        } catch (IOException e) {
            assumeTrue(false, "docker-compose is not installed (apt-get install docker-compose): compose file not checked");
            return;
        }
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            fail("docker-compose config rejects docker-compose.yml:\n" + err);
        }
        config = Manifests.parseOne(out);
    }

    @Test
    void everyServiceSetsItsRequiredConfiguration() {
        assertNone("docker-compose.yml", ComposeRules.serviceConfiguration(config, ServiceModule.all(Repository.root())));
    }

    /** A log collector reads one JSON object per line (text logs stay for the local launcher and tests). */
    @Test
    void everyServiceLogsJsonLines() {
        List<String> textLoggers = ServiceModule.all(Repository.root()).stream()
                .filter(module -> !"true".equals(config.path("services").path(module.name()).path("environment")
                        .path("QUARKUS_LOG_CONSOLE_JSON_ENABLED").asText()))
                .map(module -> module.name() + " does not set QUARKUS_LOG_CONSOLE_JSON_ENABLED=true")
                .toList();
        assertNone("docker-compose.yml", textLoggers);
    }

    /** Tracing on, to a collector that is part of the file: one mail's trace spans every service. */
    @Test
    void everyServiceSendsItsTracesToTheCollectorInTheFile() {
        List<String> violations = new java.util.ArrayList<>();
        for (ServiceModule module : ServiceModule.all(Repository.root())) {
            JsonNode environment = config.path("services").path(module.name()).path("environment");
            if (!module.canTrace(Repository.root())) {
                violations.add(module.name() + " lacks quarkus-opentelemetry");
            }
            if (!"false".equals(environment.path("QUARKUS_OTEL_SDK_DISABLED").asText())) {
                violations.add(module.name() + " does not set QUARKUS_OTEL_SDK_DISABLED=false");
            }
            String endpoint = environment.path("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT").asText();
            String host = endpoint.isEmpty() ? "" : java.net.URI.create(endpoint).getHost();
            if (host == null || !config.path("services").has(host)) {
                violations.add(module.name() + " exports traces to '" + endpoint + "', not to a service of the file");
            }
        }
        assertNone("docker-compose.yml", violations);
    }

    @Test
    void everyContainerIsHealthCheckedLimitedAndStartsAfterItsDependenciesAreHealthy() {
        assertNone("docker-compose.yml", ComposeRules.containers(config));
    }

    @Test
    void mailCatcherShowsEveryMailOnItsWebUi() {
        JsonNode mailpit = config.path("services").path("mailpit");
        List<Integer> published = mailpit.path("ports").findValuesAsText("published").stream().map(Integer::valueOf).toList();
        assertEquals(List.of(8025, 3025), published, "mail catcher ports (web UI 8025, SMTP 3025)");
        assertEquals("mailpit", config.path("services").path("notification-service").path("environment")
                .path("RELAYDESK_MAIL_SMTP_HOST").asText(), "notification-service must send through the mail catcher");
    }

    /** Keycloak is built with the login provider, imports a realm that uses it, and reaches the gateway with its key. */
    @Test
    void keycloakRunsTheLoginProviderAgainstTheGateway() {
        LoginProviderModule provider = LoginProviderModule.read(Repository.root());
        List<java.nio.file.Path> dockerfiles = new java.util.ArrayList<>();
        assertNone("docker-compose.yml", KeycloakProviderRules.compose(config, provider, dockerfiles));
        for (java.nio.file.Path dockerfile : dockerfiles) {
            assertNone(dockerfile.toString(), KeycloakProviderRules.dockerfile(ServiceModule.read(dockerfile), provider));
        }
    }
}
