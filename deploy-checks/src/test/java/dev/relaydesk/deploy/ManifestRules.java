package dev.relaydesk.deploy;

import static dev.relaydesk.deploy.Manifests.find;
import static dev.relaydesk.deploy.Manifests.id;
import static dev.relaydesk.deploy.Manifests.name;
import static dev.relaydesk.deploy.Manifests.ofKind;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules a rendered overlay must follow. Each returns its violations as sentences (empty: all good), so a
 * failing build says what to fix, and the rules can be tested on small broken fixtures.
 */
final class ManifestRules {

    static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet");
    /** The value every Secret template holds instead of a real one. */
    static final String PLACEHOLDER = "CHANGE_ME";
    /** Local secrets are obviously local: every value (but a username) starts with this. */
    static final String LOCAL_PREFIX = "local-";
    private static final Pattern CREDENTIAL_NAME = Pattern.compile("PASSWORD|SECRET|API_KEY|CREDENTIALS|(^|_)TOKEN$");
    private static final Pattern REALM_PLACEHOLDER = Pattern.compile("^\\$\\{([A-Z0-9_]+)}$");

    private ManifestRules() {
    }

    // ---------------------------------------------------------------- workloads

    /** Every container of every workload: liveness and readiness probes, CPU and memory limits, a non-root user. */
    static List<String> workloads(List<JsonNode> documents) {
        List<String> violations = new ArrayList<>();
        for (JsonNode workload : documents) {
            if (!WORKLOAD_KINDS.contains(workload.path("kind").asText())) {
                continue;
            }
            JsonNode pod = workload.path("spec").path("template").path("spec");
            JsonNode podSecurity = pod.path("securityContext");
            for (JsonNode container : pod.path("containers")) {
                String where = id(workload) + " container " + container.path("name").asText();
                if (container.path("livenessProbe").isMissingNode()) {
                    violations.add(where + " has no liveness probe");
                }
                if (container.path("readinessProbe").isMissingNode()) {
                    violations.add(where + " has no readiness probe");
                }
                resourceViolations(where, container, violations);
                nonRootViolations(where, container.path("securityContext"), podSecurity, violations);
            }
            for (JsonNode container : pod.path("initContainers")) {
                String where = id(workload) + " init container " + container.path("name").asText();
                resourceViolations(where, container, violations);
                nonRootViolations(where, container.path("securityContext"), podSecurity, violations);
            }
        }
        return violations;
    }

    private static void resourceViolations(String where, JsonNode container, List<String> violations) {
        JsonNode resources = container.path("resources");
        for (String resource : List.of("cpu", "memory")) {
            if (!resources.path("limits").hasNonNull(resource)) {
                violations.add(where + " has no " + resource + " limit");
            }
            if (!resources.path("requests").hasNonNull(resource)) {
                violations.add(where + " has no " + resource + " request");
            }
        }
    }

    private static void nonRootViolations(String where, JsonNode container, JsonNode pod, List<String> violations) {
        JsonNode runAsNonRoot = container.has("runAsNonRoot") ? container.get("runAsNonRoot") : pod.path("runAsNonRoot");
        JsonNode runAsUser = container.has("runAsUser") ? container.get("runAsUser") : pod.path("runAsUser");
        if (!runAsNonRoot.asBoolean(false)) {
            violations.add(where + " does not set runAsNonRoot: true (non-root user required)");
        }
        // A numeric user lets the kubelet verify non-root even when the image names its user.
        if (!runAsUser.canConvertToLong() || runAsUser.asLong() == 0) {
            violations.add(where + " does not run as a numeric non-root runAsUser");
        }
        if (container.path("allowPrivilegeEscalation").asBoolean(true)) {
            violations.add(where + " does not set allowPrivilegeEscalation: false");
        }
    }

    /** Each service module runs as a Deployment and a Service on its own port, probed on Quarkus' health endpoints. */
    static List<String> serviceWorkloads(List<JsonNode> documents, List<ServiceModule> modules) {
        List<String> violations = new ArrayList<>();
        for (ServiceModule module : modules) {
            Optional<JsonNode> deployment = find(documents, "Deployment", module.name());
            if (deployment.isEmpty()) {
                violations.add("no Deployment named " + module.name());
                continue;
            }
            JsonNode container = deployment.get().path("spec").path("template").path("spec").path("containers").path(0);
            Map<String, Integer> ports = new HashMap<>();
            container.path("ports").forEach(port -> ports.put(port.path("name").asText(), port.path("containerPort").asInt()));
            if (!Integer.valueOf(module.httpPort()).equals(ports.get("http"))) {
                violations.add("Deployment/" + module.name() + " has no port named http on " + module.httpPort()
                        + " (quarkus.http.port)");
            }
            probeViolations(module, "livenessProbe", "/q/health/live", container, ports, violations);
            probeViolations(module, "readinessProbe", "/q/health/ready", container, ports, violations);
            Optional<JsonNode> service = find(documents, "Service", module.name());
            if (service.isEmpty() || !targetsPort(service.get(), "http", module.httpPort())) {
                violations.add("no Service " + module.name() + " forwarding to its http port " + module.httpPort());
            }
        }
        return violations;
    }

    private static void probeViolations(ServiceModule module, String probe, String path, JsonNode container,
            Map<String, Integer> ports, List<String> violations) {
        JsonNode get = container.path(probe).path("httpGet");
        JsonNode port = get.path("port");
        int number = port.isInt() ? port.asInt() : ports.getOrDefault(port.asText(), -1);
        if (!path.equals(get.path("path").asText()) || number != module.httpPort()) {
            violations.add("Deployment/" + module.name() + " " + probe + " must GET " + path + " on port "
                    + module.httpPort());
        }
    }

    private static boolean targetsPort(JsonNode service, String name, int number) {
        for (JsonNode port : service.path("spec").path("ports")) {
            JsonNode target = port.path("targetPort");
            if (target.asText().equals(name) || target.asInt(-1) == number) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- configuration

    /** Each service's Deployment sets every required configuration key (ServiceModule.requiredKeys) in its environment. */
    static List<String> serviceConfiguration(List<JsonNode> documents, List<ServiceModule> modules) {
        List<String> violations = new ArrayList<>();
        for (ServiceModule module : modules) {
            Optional<JsonNode> deployment = find(documents, "Deployment", module.name());
            if (deployment.isEmpty()) {
                continue; // reported by serviceWorkloads
            }
            Set<String> names = new HashSet<>();
            for (JsonNode container : deployment.get().path("spec").path("template").path("spec").path("containers")) {
                container.path("env").forEach(env -> names.add(env.path("name").asText()));
                for (JsonNode source : container.path("envFrom")) {
                    String configMap = source.path("configMapRef").path("name").asText(null);
                    if (configMap == null) {
                        continue;
                    }
                    Optional<JsonNode> rendered = find(documents, "ConfigMap", configMap);
                    if (rendered.isEmpty()) {
                        violations.add("Deployment/" + module.name() + " reads ConfigMap " + configMap + ", which is not rendered");
                    } else {
                        rendered.get().path("data").fieldNames().forEachRemaining(names::add);
                    }
                }
            }
            module.requiredKeys().forEach((key, reason) -> {
                String variable = ServiceModule.environmentVariable(key);
                if (!names.contains(variable) && !names.contains(key)) {
                    violations.add("Deployment/" + module.name() + " does not set " + variable + " (" + key
                            + " is required: " + reason + ")");
                }
            });
        }
        return violations;
    }

    /** Credentials only ever come from Secrets: no ConfigMap key and no literal env value named like one. */
    static List<String> credentialsOnlyInSecrets(List<JsonNode> documents) {
        List<String> violations = new ArrayList<>();
        for (JsonNode configMap : ofKind(documents, "ConfigMap")) {
            configMap.path("data").fieldNames().forEachRemaining(key -> {
                if (CREDENTIAL_NAME.matcher(key.toUpperCase()).find()) {
                    violations.add(id(configMap) + " holds " + key + ": credentials belong in a Secret");
                }
            });
        }
        for (JsonNode workload : documents) {
            if (!WORKLOAD_KINDS.contains(workload.path("kind").asText())) {
                continue;
            }
            for (JsonNode container : workload.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode env : container.path("env")) {
                    if (CREDENTIAL_NAME.matcher(env.path("name").asText().toUpperCase()).find() && env.has("value")) {
                        violations.add(id(workload) + " sets " + env.path("name").asText()
                                + " to a literal value: credentials come from a secretKeyRef");
                    }
                }
            }
        }
        return violations;
    }

    // ---------------------------------------------------------------- secrets

    /** A reference to a Secret from some resource; key is null when the whole Secret is used. */
    record SecretReference(String secret, String key, String from, boolean tls) {
    }

    /**
     * Every Secret any resource references, found by walking the resources: secretKeyRef and secretRef
     * (containers), secretName (volumes, Ingress TLS), and the operators' fields named secret or *Secret
     * (CNPG bootstrap and role secrets, Keycloak's database and TLS secrets, realm-import placeholders).
     * The embedded realm of a KeycloakRealmImport is not walked: its "secret" fields are client secrets.
     */
    static List<SecretReference> secretReferences(List<JsonNode> documents) {
        List<SecretReference> references = new ArrayList<>();
        for (JsonNode document : documents) {
            if (document.path("kind").asText().equals("Secret")) {
                continue;
            }
            walk(document, id(document), false, references, document.path("kind").asText().equals("KeycloakRealmImport"));
        }
        return references;
    }

    private static void walk(JsonNode node, String from, boolean inTls, List<SecretReference> references, boolean realmImport) {
        if (node.isArray()) {
            node.forEach(element -> walk(element, from, inTls, references, realmImport));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (realmImport && name.equals("realm") && value.isObject()) {
                continue;
            }
            boolean secretField = name.equals("secretKeyRef") || name.equals("secretRef") || name.equals("secret")
                    || name.endsWith("Secret");
            if (secretField && value.isTextual()) {
                references.add(new SecretReference(value.asText(), null, from, inTls || name.equals("tlsSecret")));
            } else if (secretField && value.isObject() && value.hasNonNull("name")) {
                references.add(new SecretReference(value.get("name").asText(), value.path("key").asText(null), from, false));
            } else if (name.equals("secretName") && value.isTextual()) {
                references.add(new SecretReference(value.asText(), null, from, inTls));
            }
            walk(value, from, inTls || name.equals("tls"), references, realmImport);
        }
    }

    /** Secret name to its keys and decoded values. */
    static Map<String, Map<String, String>> secrets(List<JsonNode> secretDocuments) {
        Map<String, Map<String, String>> secrets = new TreeMap<>();
        for (JsonNode secret : secretDocuments) {
            Map<String, String> values = new LinkedHashMap<>();
            secret.path("data").fields().forEachRemaining(entry -> values.put(entry.getKey(),
                    new String(Base64.getDecoder().decode(entry.getValue().asText()), StandardCharsets.UTF_8)));
            secret.path("stringData").fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
            secrets.put(name(secret), values);
        }
        return secrets;
    }

    /**
     * A local overlay generates its own Secrets: each one referenced, each reference satisfied (name and key),
     * and every value obviously local (starts with "local-"; usernames are not secret and are exempt).
     */
    static List<String> localSecrets(List<JsonNode> documents) {
        List<String> violations = new ArrayList<>();
        Map<String, Map<String, String>> rendered = secrets(ofKind(documents, "Secret"));
        List<SecretReference> references = secretReferences(documents);
        for (SecretReference reference : references) {
            Map<String, String> secret = rendered.get(reference.secret());
            if (secret == null) {
                violations.add(reference.from() + " references Secret " + reference.secret() + ", which this overlay does not create");
            } else if (reference.key() != null && !secret.containsKey(reference.key())) {
                violations.add(reference.from() + " reads key " + reference.key() + " of Secret " + reference.secret()
                        + ", which has no such key");
            }
        }
        rendered.forEach((secret, values) -> {
            if (references.stream().noneMatch(reference -> reference.secret().equals(secret))) {
                violations.add("Secret " + secret + " is not referenced by anything");
            }
            values.forEach((key, value) -> {
                if (!key.equals("username") && !value.startsWith(LOCAL_PREFIX)) {
                    violations.add("Secret " + secret + " key " + key + " holds a value that is not obviously local"
                            + " (local values start with " + LOCAL_PREFIX + ")");
                }
            });
        });
        return violations;
    }

    /**
     * Any other overlay renders no Secret at all (they are created out of band); each referenced Secret has a
     * template with the referenced key and only placeholder values. TLS Secrets are issued by cert-manager
     * from the Ingress annotations, so they have no template.
     */
    static List<String> outOfBandSecrets(List<JsonNode> documents, List<JsonNode> templates) {
        List<String> violations = new ArrayList<>();
        ofKind(documents, "Secret").forEach(secret -> violations.add("Secret " + name(secret)
                + " is rendered with its values: this overlay must reference Secrets created out of band"));
        Map<String, Map<String, String>> templated = secrets(ofKind(templates, "Secret"));
        for (SecretReference reference : secretReferences(documents)) {
            if (reference.tls()) {
                continue;
            }
            Map<String, String> template = templated.get(reference.secret());
            if (template == null) {
                violations.add(reference.from() + " references Secret " + reference.secret()
                        + ", which has no template in deploy/base/**/secrets.template.yaml");
            } else if (reference.key() != null && !template.containsKey(reference.key())) {
                violations.add(reference.from() + " reads key " + reference.key() + " of Secret " + reference.secret()
                        + ", which its template does not list");
            }
        }
        templated.forEach((secret, values) -> values.forEach((key, value) -> {
            if (!key.equals("username") && !value.equals(PLACEHOLDER)) {
                violations.add("template of Secret " + secret + " key " + key + " holds a value: templates hold "
                        + PLACEHOLDER + " only");
            }
        }));
        return violations;
    }

    /** A realm import outside a laptop: no user passwords, no password grant, client secrets from placeholders. */
    static List<String> realmWithoutDemoCredentials(List<JsonNode> documents) {
        List<String> violations = new ArrayList<>();
        for (JsonNode realmImport : ofKind(documents, "KeycloakRealmImport")) {
            JsonNode realm = realmImport.path("spec").path("realm");
            JsonNode placeholders = realmImport.path("spec").path("placeholders");
            for (JsonNode user : realm.path("users")) {
                if (user.has("credentials")) {
                    violations.add(id(realmImport) + " creates user " + user.path("username").asText() + " with a password");
                }
            }
            for (JsonNode client : realm.path("clients")) {
                String clientId = client.path("clientId").asText();
                if (client.path("directAccessGrantsEnabled").asBoolean(false)) {
                    violations.add(id(realmImport) + " client " + clientId + " allows the password grant");
                }
                if (client.has("secret")) {
                    var matcher = REALM_PLACEHOLDER.matcher(client.get("secret").asText());
                    if (!matcher.matches()) {
                        violations.add(id(realmImport) + " client " + clientId + " has a literal secret");
                    } else if (!placeholders.has(matcher.group(1))) {
                        violations.add(id(realmImport) + " client " + clientId + " uses placeholder " + matcher.group(1)
                                + ", which spec.placeholders does not define");
                    }
                }
            }
        }
        return violations;
    }

    // ---------------------------------------------------------------- Kafka

    /** Every topic in use is declared as a KafkaTopic of a rendered Kafka cluster, with partitions and retention. */
    static List<String> topics(List<JsonNode> documents, Map<String, String> topicsInUse) {
        List<String> violations = new ArrayList<>();
        Set<String> clusters = new HashSet<>();
        ofKind(documents, "Kafka").forEach(kafka -> clusters.add(name(kafka)));
        Map<String, JsonNode> declared = declaredTopics(documents);
        declared.forEach((topic, resource) -> {
            String cluster = resource.path("metadata").path("labels").path("strimzi.io/cluster").asText();
            if (!clusters.contains(cluster)) {
                violations.add(id(resource) + " belongs to Kafka cluster '" + cluster + "', which is not rendered");
            }
            if (resource.path("spec").path("partitions").asInt(0) < 1) {
                violations.add(id(resource) + " declares no partitions");
            }
            JsonNode config = resource.path("spec").path("config");
            if (!config.has("retention.ms") && !config.has("retention.bytes")) {
                violations.add(id(resource) + " declares no retention (retention.ms or retention.bytes)");
            }
        });
        topicsInUse.forEach((topic, usedBy) -> {
            if (!declared.containsKey(topic)) {
                violations.add("topic " + topic + " (used by " + usedBy + ") is not declared as a KafkaTopic");
            }
        });
        return violations;
    }

    /** Kafka topic name (spec.topicName, else metadata.name) to its KafkaTopic. */
    static Map<String, JsonNode> declaredTopics(List<JsonNode> documents) {
        Map<String, JsonNode> declared = new TreeMap<>();
        for (JsonNode topic : ofKind(documents, "KafkaTopic")) {
            declared.put(topic.path("spec").path("topicName").asText(name(topic)), topic);
        }
        return declared;
    }

    /**
     * Each consuming service scales on CPU through a HorizontalPodAutoscaler whose maxReplicas does not exceed
     * the partitions of any topic it consumes (more consumers than partitions sit idle).
     */
    static List<String> autoscalers(List<JsonNode> documents, List<ServiceModule> modules) {
        List<String> violations = new ArrayList<>();
        Map<String, JsonNode> declared = declaredTopics(documents);
        for (ServiceModule module : modules) {
            if (module.consumedTopics().isEmpty()) {
                continue;
            }
            Optional<JsonNode> autoscaler = ofKind(documents, "HorizontalPodAutoscaler").stream()
                    .filter(hpa -> hpa.path("spec").path("scaleTargetRef").path("kind").asText().equals("Deployment")
                            && hpa.path("spec").path("scaleTargetRef").path("name").asText().equals(module.name()))
                    .findFirst();
            if (autoscaler.isEmpty()) {
                violations.add(module.name() + " consumes " + module.consumedTopics() + " but has no HorizontalPodAutoscaler");
                continue;
            }
            JsonNode spec = autoscaler.get().path("spec");
            boolean onCpu = false;
            for (JsonNode metric : spec.path("metrics")) {
                onCpu |= metric.path("resource").path("name").asText().equals("cpu");
            }
            if (!onCpu) {
                violations.add(id(autoscaler.get()) + " does not scale on CPU");
            }
            int maxReplicas = spec.path("maxReplicas").asInt();
            for (String topic : module.consumedTopics()) {
                JsonNode declaredTopic = declared.get(topic);
                int partitions = declaredTopic == null ? Integer.MAX_VALUE : declaredTopic.path("spec").path("partitions").asInt();
                if (maxReplicas > partitions) {
                    violations.add(id(autoscaler.get()) + " allows " + maxReplicas + " replicas but topic " + topic
                            + " has " + partitions + " partitions");
                }
            }
        }
        return violations;
    }

    // ---------------------------------------------------------------- entry points and images

    /** An Ingress for the agent UI, the portal and inbound mail over HTTP; the SMTP receiver on a LoadBalancer. */
    static List<String> publicEntryPoints(List<JsonNode> documents) {
        List<String> violations = new ArrayList<>();
        Set<String> routed = new HashSet<>();
        for (JsonNode ingress : ofKind(documents, "Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                rule.path("http").path("paths").forEach(path ->
                        routed.add(path.path("backend").path("service").path("name").asText()));
            }
        }
        for (String service : List.of("ticket-service", "portal-service", "mail-ingest-service")) {
            if (!routed.contains(service)) {
                violations.add("no Ingress routes to " + service);
            }
        }
        boolean smtp = ofKind(documents, "Service").stream().anyMatch(service ->
                service.path("spec").path("type").asText().equals("LoadBalancer")
                        && service.path("spec").path("selector").path("app.kubernetes.io/name").asText().equals("mail-ingest-service")
                        && targetsPort(service, "smtp", 2525));
        if (!smtp) {
            violations.add("no LoadBalancer Service exposes mail-ingest-service's SMTP receiver (2525)");
        }
        return violations;
    }

    /** Images with a release tag or digest: never :latest, never untagged. */
    static List<String> pinnedImages(List<JsonNode> documents) {
        List<String> violations = new ArrayList<>();
        for (JsonNode workload : documents) {
            if (!WORKLOAD_KINDS.contains(workload.path("kind").asText())) {
                continue;
            }
            for (JsonNode container : workload.path("spec").path("template").path("spec").path("containers")) {
                String image = container.path("image").asText();
                String last = image.substring(image.lastIndexOf('/') + 1);
                if (!image.contains("@sha256:") && (!last.contains(":") || last.endsWith(":latest"))) {
                    violations.add(id(workload) + " runs " + image + ", not a pinned tag");
                }
            }
        }
        return violations;
    }
}
