package dev.relaydesk.deploy;

import static dev.relaydesk.deploy.Violations.assertNone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Builds every overlay under deploy/overlays with `kubectl kustomize` (offline) and checks the result against
 * the code: what the services need, the topics they use, and the operating rules in deploy/README.md.
 * The overlay named "local" generates its own (obviously local) Secrets; every other overlay renders none.
 */
class KubernetesOverlaysTest {

    private static final Map<String, List<JsonNode>> BUILT = new ConcurrentHashMap<>();
    private static final List<ServiceModule> MODULES = ServiceModule.all(Repository.root());

    static List<String> overlays() {
        return Repository.overlayNames();
    }

    private static List<JsonNode> build(String overlay) {
        return BUILT.computeIfAbsent(overlay, name -> Manifests.kustomize(Repository.overlays().resolve(name)));
    }

    @Test
    void thereIsALocalAndAProductionOverlayAndSixServices() {
        assertTrue(overlays().containsAll(List.of("local", "production")), overlays()::toString);
        assertEquals(List.of("identity-service", "mail-ingest-service", "notification-service", "portal-service",
                "provider-gateway", "ticket-service"), MODULES.stream().map(ServiceModule::name).toList());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyWorkloadHasProbesLimitsAndANonRootUser(String overlay) {
        List<JsonNode> documents = build(overlay);
        assertFalse(Manifests.ofKind(documents, "Deployment").isEmpty());
        assertNone(overlay, ManifestRules.workloads(documents));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceRunsOnItsPortWithQuarkusHealthProbes(String overlay) {
        assertNone(overlay, ManifestRules.serviceWorkloads(build(overlay), MODULES));
    }

    /** The probes ask Quarkus' health endpoints, which only exist with SmallRye Health in the service. */
    @Test
    void everyServiceServesTheHealthEndpointsItIsProbedOn() {
        List<String> missing = MODULES.stream()
                .filter(module -> !ServiceModule.read(Repository.root().resolve(module.name()).resolve("pom.xml"))
                        .contains("<artifactId>quarkus-smallrye-health</artifactId>"))
                .map(module -> module.name() + " lacks quarkus-smallrye-health (its probes would get 404)")
                .toList();
        assertNone("services", missing);
    }

    /** JSON lines for the cluster's log collector: the extension in every service, switched on for all of them. */
    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceLogsJsonLines(String overlay) {
        List<JsonNode> documents = build(overlay);
        List<String> violations = new ArrayList<>();
        List<String> jsonConfigMaps = Manifests.ofKind(documents, "ConfigMap").stream()
                .filter(map -> "true".equals(map.path("data").path("QUARKUS_LOG_CONSOLE_JSON_ENABLED").asText()))
                .map(Manifests::name)
                .toList();
        for (ServiceModule module : MODULES) {
            if (!ServiceModule.read(Repository.root().resolve(module.name()).resolve("pom.xml"))
                    .contains("<artifactId>quarkus-logging-json</artifactId>")) {
                violations.add(module.name() + " lacks quarkus-logging-json");
            }
            boolean switchedOn = Manifests.find(documents, "Deployment", module.name()).stream()
                    .flatMap(deployment -> deployment.findValues("configMapRef").stream())
                    .anyMatch(ref -> jsonConfigMaps.contains(ref.path("name").asText()));
            if (!switchedOn) {
                violations.add(module.name() + " reads no ConfigMap setting QUARKUS_LOG_CONSOLE_JSON_ENABLED=true");
            }
        }
        assertNone(overlay, violations);
    }

    /**
     * Tracing is a decision per overlay, never an accident: every service reads QUARKUS_OTEL_SDK_DISABLED from a
     * ConfigMap, and where tracing is on, that ConfigMap also names the collector.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasTracingSwitchedDeliberately(String overlay) {
        List<JsonNode> documents = build(overlay);
        List<String> violations = new ArrayList<>();
        for (ServiceModule module : MODULES) {
            if (!module.canTrace(Repository.root())) {
                violations.add(module.name() + " lacks quarkus-opentelemetry");
            }
            List<JsonNode> tracingConfig = Manifests.find(documents, "Deployment", module.name()).stream()
                    .flatMap(deployment -> deployment.findValues("configMapRef").stream())
                    .flatMap(ref -> Manifests.find(documents, "ConfigMap", ref.path("name").asText()).stream())
                    .map(map -> map.path("data"))
                    .filter(data -> data.has("QUARKUS_OTEL_SDK_DISABLED"))
                    .toList();
            if (tracingConfig.isEmpty()) {
                violations.add(module.name() + " reads no ConfigMap that sets QUARKUS_OTEL_SDK_DISABLED");
            }
            tracingConfig.stream()
                    .filter(data -> "false".equals(data.path("QUARKUS_OTEL_SDK_DISABLED").asText()))
                    .filter(data -> !data.path("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT").asText().startsWith("http"))
                    .forEach(data -> violations.add(module.name() + " traces without a collector endpoint"));
        }
        assertNone(overlay, violations);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceGetsItsRequiredConfiguration(String overlay) {
        assertNone(overlay, ManifestRules.serviceConfiguration(build(overlay), MODULES));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void credentialsComeOnlyFromSecrets(String overlay) {
        assertNone(overlay, ManifestRules.credentialsOnlyInSecrets(build(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void secretsAreReferencedAndNeverInlinedWithARealValue(String overlay) {
        List<JsonNode> documents = build(overlay);
        if (overlay.equals("local")) {
            assertNone(overlay, ManifestRules.localSecrets(documents));
        } else {
            List<JsonNode> templates = new ArrayList<>();
            for (Path template : Repository.secretTemplates()) {
                templates.addAll(Manifests.parse(ServiceModule.read(template)));
            }
            assertFalse(templates.isEmpty(), "no secrets.template.yaml found under deploy/base");
            assertNone(overlay, ManifestRules.outOfBandSecrets(documents, templates));
            assertNone(overlay, ManifestRules.realmWithoutDemoCredentials(documents));
            assertNone(overlay, ManifestRules.pinnedImages(documents));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicTheCodeUsesIsDeclared(String overlay) {
        Map<String, String> inUse = TopicsInUse.find(Repository.root());
        // The sources the list comes from are really read (a broken scan must not pass by finding nothing).
        assertTrue(inUse.keySet().containsAll(List.of("MailReceived", "dead-letter-topic-mail-received-in",
                "outbox-unrouted")), inUse::toString);
        assertNone(overlay, ManifestRules.topics(build(overlay), inUse));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void consumersAutoscaleOnCpuWithinTheirPartitions(String overlay) {
        assertNone(overlay, ManifestRules.autoscalers(build(overlay), MODULES));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void agentUiPortalAndInboundMailArePublic(String overlay) {
        assertNone(overlay, ManifestRules.publicEntryPoints(build(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void platformIsDeclaredThroughItsOperators(String overlay) {
        List<JsonNode> documents = build(overlay);
        List<String> missing = new ArrayList<>();
        for (String kind : List.of("Kafka", "KafkaNodePool", "KafkaTopic", "Cluster", "Keycloak", "KeycloakRealmImport")) {
            if (Manifests.ofKind(documents, kind).isEmpty()) {
                missing.add("no " + kind);
            }
        }
        assertNone(overlay, missing);
    }

    /** Keycloak runs the image with the login provider, its realm uses it, and it reaches the gateway with its key. */
    @ParameterizedTest
    @MethodSource("overlays")
    void keycloakRunsTheLoginProviderAgainstTheGateway(String overlay) {
        assertNone(overlay, KeycloakProviderRules.kubernetes(build(overlay), LoginProviderModule.read(Repository.root())));
    }

    /**
     * One source of truth for the realm: the base's KeycloakRealmImport (seen through the local overlay, which
     * leaves it as it is) embeds identity-service/realm/relaydesk-realm.json unchanged.
     */
    @Test
    void realmImportIsTheRepositoryRealm() {
        JsonNode repositoryRealm = Manifests.parseOne(ServiceModule.read(
                Repository.root().resolve("identity-service/realm/relaydesk-realm.json")));
        JsonNode imported = Manifests.find(build("local"), "KeycloakRealmImport", "relaydesk-realm").orElseThrow()
                .path("spec").path("realm");
        assertEquals(repositoryRealm, imported,
                "deploy/base/platform/keycloak-realm-import.yaml differs from the realm JSON: run deploy/sync-realm.sh");
    }
}
