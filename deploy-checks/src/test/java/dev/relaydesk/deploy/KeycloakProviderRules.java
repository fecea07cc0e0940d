package dev.relaydesk.deploy;

import static dev.relaydesk.deploy.Manifests.find;
import static dev.relaydesk.deploy.Manifests.id;
import static dev.relaydesk.deploy.Manifests.ofKind;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keycloak really runs Relay Desk's login provider wherever it is deployed: its image is built with the provider's jar
 * (at the Keycloak release the jar is compiled against), its realm has the provider's component, and it is told
 * where provider-gateway is and the same internal key the gateway expects. No image is built here (no Docker
 * engine is needed): these are checks of the files as written.
 */
final class KeycloakProviderRules {

    static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak";
    /** The name our Dockerfile's image goes by (deploy/keycloak/Dockerfile); overlays retag it. */
    static final String PROVIDER_IMAGE = "relaydesk/keycloak";
    static final String GATEWAY = "provider-gateway";
    static final String GATEWAY_KEY_VARIABLE = "RELAYDESK_INTERNAL_API_KEY";
    private static final String USER_STORAGE = "org.keycloak.storage.UserStorageProvider";

    private KeycloakProviderRules() {
    }

    // ---------------------------------------------------------------- the image

    /**
     * Official Keycloak at the provider's release in every stage, the jar the module builds copied into providers/,
     * `kc.sh build` after it in that stage, and the result in the last stage.
     */
    static List<String> dockerfile(String text, LoginProviderModule module) {
        List<String> violations = new ArrayList<>();
        Map<String, String> arguments = new HashMap<>();
        List<List<String>> stages = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (String line : instructions(text)) {
            String[] words = line.split("\\s+");
            String instruction = words[0].toUpperCase();
            if (instruction.equals("ARG") && stages.isEmpty() && words.length > 1 && words[1].contains("=")) {
                String[] argument = words[1].split("=", 2);
                arguments.put(argument[0], argument[1]);
            } else if (instruction.equals("FROM")) {
                String image = substitute(words.length > 1 ? words[1] : "", arguments);
                if (!aliases.contains(image)) {
                    String wanted = KEYCLOAK_IMAGE + ":" + module.keycloakVersion();
                    if (!image.equals(wanted)) {
                        violations.add("FROM " + image + ": the provider is compiled against " + wanted
                                + " (keycloak.version in the parent pom)");
                    }
                }
                aliases.add(words.length > 3 && words[2].equalsIgnoreCase("AS") ? words[3] : String.valueOf(stages.size()));
                stages.add(new ArrayList<>());
            } else if (!stages.isEmpty()) {
                stages.get(stages.size() - 1).add(line);
            }
        }
        if (stages.isEmpty()) {
            violations.add("no FROM");
            return violations;
        }
        int built = -1;
        for (int stage = 0; stage < stages.size() && built < 0; stage++) {
            boolean copied = false;
            for (String line : stages.get(stage)) {
                if (copiesJar(line, module)) {
                    copied = true;
                } else if (copied && line.toUpperCase().startsWith("RUN") && line.contains("kc.sh build")) {
                    built = stage;
                }
            }
        }
        if (built < 0) {
            violations.add("no stage copies " + module.jarPath() + " into " + LoginProviderModule.PROVIDERS_DIR
                    + " and then runs kc.sh build (Keycloak only loads providers it was built with)");
        } else if (built != stages.size() - 1) {
            String from = "--from=" + aliases.get(built);
            boolean carried = stages.get(stages.size() - 1).stream().anyMatch(line -> line.toUpperCase().startsWith("COPY")
                    && line.contains(from) && line.contains(" /opt/keycloak"));
            if (!carried) {
                violations.add("the last stage does not take /opt/keycloak from stage " + aliases.get(built)
                        + ", where the provider was built in");
            }
        }
        return violations;
    }

    private static boolean copiesJar(String line, LoginProviderModule module) {
        if (!line.toUpperCase().startsWith("COPY ") && !line.toUpperCase().startsWith("ADD ")) {
            return false;
        }
        List<String> words = Stream.of(line.split("\\s+")).filter(word -> !word.startsWith("--")).toList();
        return words.size() == 3 && words.get(1).equals(module.jarPath())
                && words.get(2).startsWith(LoginProviderModule.PROVIDERS_DIR);
    }

    /** Instructions without comments, continuation lines joined. */
    private static List<String> instructions(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            lines.add(current.append(line).toString().strip());
            current.setLength(0);
        }
        return lines;
    }

    private static String substitute(String value, Map<String, String> arguments) {
        String result = value;
        for (Map.Entry<String, String> argument : arguments.entrySet()) {
            result = result.replace("${" + argument.getKey() + "}", argument.getValue())
                    .replace("$" + argument.getKey(), argument.getValue());
        }
        return result;
    }

    // ---------------------------------------------------------------- docker compose

    /**
     * The keycloak service is built from a Dockerfile (returned, so the caller checks it with {@link #dockerfile}),
     * imports a realm with the provider's component, and is told the gateway's address and the gateway's own key.
     */
    static List<String> compose(JsonNode config, LoginProviderModule module, List<Path> dockerfiles) {
        List<String> violations = new ArrayList<>();
        JsonNode services = config.path("services");
        JsonNode keycloak = services.path("keycloak");
        if (keycloak.isMissingNode()) {
            return List.of("no compose service keycloak");
        }
        JsonNode build = keycloak.path("build");
        if (!build.has("dockerfile") || !build.has("context")) {
            violations.add("compose service keycloak runs image " + keycloak.path("image").asText()
                    + " without building it: the image must be built with the login provider (deploy/keycloak/Dockerfile)");
        } else {
            Path dockerfile = Path.of(build.path("context").asText()).resolve(build.path("dockerfile").asText());
            if (Files.isRegularFile(dockerfile)) {
                dockerfiles.add(dockerfile);
            } else {
                violations.add("compose service keycloak builds from " + dockerfile + ", which does not exist");
            }
        }
        Optional<Path> importDir = volumeSource(keycloak.path("volumes"), "/opt/keycloak/data/import");
        if (importDir.isEmpty() || !realmFiles(importDir.get()).stream().anyMatch(realm -> hasProvider(realm, module))) {
            violations.add("compose service keycloak imports no realm with the " + module.providerId() + " component");
        }
        JsonNode environment = keycloak.path("environment");
        JsonNode gateway = services.path(GATEWAY).path("environment");
        for (String option : LoginProviderModule.REQUIRED_OPTIONS) {
            if (!environment.hasNonNull(module.environmentVariable(option))) {
                violations.add("compose service keycloak does not set " + module.environmentVariable(option));
            }
        }
        String url = environment.path(module.environmentVariable("gateway-url")).asText("");
        if (!url.isEmpty()) {
            URI uri = URI.create(url);
            String port = gateway.path("QUARKUS_HTTP_PORT").asText("");
            if (!GATEWAY.equals(uri.getHost()) || !String.valueOf(uri.getPort()).equals(port)) {
                violations.add("compose service keycloak sends logins to " + url + ", not to " + GATEWAY + " on its port "
                        + port);
            }
        }
        String key = environment.path(module.environmentVariable("internal-key")).asText("");
        if (!key.isEmpty() && !key.equals(gateway.path(GATEWAY_KEY_VARIABLE).asText())) {
            violations.add("compose service keycloak's " + module.environmentVariable("internal-key") + " is not "
                    + GATEWAY + "'s " + GATEWAY_KEY_VARIABLE + ": every login would be refused");
        }
        return violations;
    }

    /** The source of the volume mounted at target (short syntax "source:target[:mode]" or the long one). */
    private static Optional<Path> volumeSource(JsonNode volumes, String target) {
        for (JsonNode volume : volumes) {
            if (volume.isTextual()) {
                String[] parts = volume.asText().split(":");
                if (parts.length >= 2 && parts[1].equals(target)) {
                    return Optional.of(Path.of(parts[0]));
                }
            } else if (target.equals(volume.path("target").asText())) {
                return Optional.of(Path.of(volume.path("source").asText()));
            }
        }
        return Optional.empty();
    }

    private static List<JsonNode> realmFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .map(file -> Manifests.parseOne(ServiceModule.read(file)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean hasProvider(JsonNode realm, LoginProviderModule module) {
        for (JsonNode component : realm.path("components").path(USER_STORAGE)) {
            if (module.providerId().equals(component.path("providerId").asText())) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- Kubernetes

    /**
     * Each Keycloak CR runs our image with a pinned tag, passes the provider's options (the gateway's Service and
     * port, the key from the Secret the gateway reads), and each realm import carries the provider's component.
     */
    static List<String> kubernetes(List<JsonNode> documents, LoginProviderModule module) {
        List<String> violations = new ArrayList<>();
        List<JsonNode> keycloaks = ofKind(documents, "Keycloak");
        if (keycloaks.isEmpty()) {
            violations.add("no Keycloak");
        }
        for (JsonNode keycloak : keycloaks) {
            String image = keycloak.path("spec").path("image").asText("");
            String repository = image.contains("@") ? image.substring(0, image.indexOf('@'))
                    : image.lastIndexOf(':') > image.lastIndexOf('/') ? image.substring(0, image.lastIndexOf(':')) : image;
            if (!repository.equals(PROVIDER_IMAGE) && !repository.endsWith("/" + PROVIDER_IMAGE)) {
                violations.add(id(keycloak) + " runs image '" + image + "', not " + PROVIDER_IMAGE
                        + " (deploy/keycloak/Dockerfile, the one with the login provider)");
            } else if (repository.equals(image) || image.endsWith(":latest")) {
                violations.add(id(keycloak) + " runs " + image + ", not a pinned tag");
            }
            if (!keycloak.path("spec").path("startOptimized").asBoolean(false)) {
                violations.add(id(keycloak) + " is not startOptimized: every pod would re-augment the built image");
            }
            Map<String, JsonNode> options = new HashMap<>();
            keycloak.path("spec").path("additionalOptions").forEach(option -> options.put(option.path("name").asText(), option));
            for (String name : LoginProviderModule.REQUIRED_OPTIONS) {
                if (!options.containsKey(module.option(name))) {
                    violations.add(id(keycloak) + " does not set " + module.option(name));
                }
            }
            JsonNode url = options.get(module.option("gateway-url"));
            if (url != null) {
                gatewayAddressViolations(documents, keycloak, url.path("value").asText(""), violations);
            }
            JsonNode key = options.get(module.option("internal-key"));
            if (key != null) {
                gatewayKeyViolations(documents, keycloak, key, violations);
            }
        }
        for (JsonNode realmImport : ofKind(documents, "KeycloakRealmImport")) {
            if (!hasProvider(realmImport.path("spec").path("realm"), module)) {
                violations.add(id(realmImport) + " has no " + module.providerId() + " component");
            }
        }
        return violations;
    }

    /** The URL names a Service of the manifests, on one of its ports, that selects provider-gateway's pods. */
    private static void gatewayAddressViolations(List<JsonNode> documents, JsonNode keycloak, String url,
            List<String> violations) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            violations.add(id(keycloak) + " gateway-url '" + url + "' is not a URL");
            return;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().split("\\.")[0];
        Optional<JsonNode> service = find(documents, "Service", host);
        boolean port = service.stream().flatMap(s -> Stream.of(s.path("spec").path("ports")))
                .flatMap(ports -> java.util.stream.StreamSupport.stream(ports.spliterator(), false))
                .anyMatch(p -> p.path("port").asInt() == uri.getPort());
        JsonNode pods = find(documents, "Deployment", GATEWAY)
                .map(deployment -> deployment.path("spec").path("template").path("metadata").path("labels"))
                .orElse(null);
        boolean selects = service.isPresent() && pods != null && selects(service.get().path("spec").path("selector"), pods);
        if (service.isEmpty() || !port || !selects) {
            violations.add(id(keycloak) + " sends logins to " + url + ": no Service of that name and port selects "
                    + GATEWAY + "'s pods");
        }
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        var entries = selector.fields();
        while (entries.hasNext()) {
            var entry = entries.next();
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    /** The key comes from a Secret, the very Secret and key provider-gateway reads its internal key from. */
    private static void gatewayKeyViolations(List<JsonNode> documents, JsonNode keycloak, JsonNode option,
            List<String> violations) {
        JsonNode secret = option.path("secret");
        if (!secret.has("name") || !secret.has("key")) {
            violations.add(id(keycloak) + " sets the internal key without a Secret (secret: {name, key})");
            return;
        }
        Optional<JsonNode> gatewayKey = find(documents, "Deployment", GATEWAY).stream()
                .flatMap(deployment -> deployment.findValues("env").stream())
                .flatMap(env -> java.util.stream.StreamSupport.stream(env.spliterator(), false))
                .filter(env -> GATEWAY_KEY_VARIABLE.equals(env.path("name").asText()))
                .map(env -> env.path("valueFrom").path("secretKeyRef"))
                .findFirst();
        if (gatewayKey.isEmpty() || !gatewayKey.get().path("name").asText().equals(secret.path("name").asText())
                || !gatewayKey.get().path("key").asText().equals(secret.path("key").asText())) {
            violations.add(id(keycloak) + " takes the internal key from " + secret.path("name").asText() + "/"
                    + secret.path("key").asText() + ", not from the Secret " + GATEWAY + " reads "
                    + GATEWAY_KEY_VARIABLE + " from");
        }
    }
}
