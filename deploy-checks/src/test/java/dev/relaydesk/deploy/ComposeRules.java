package dev.relaydesk.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Rules for the output of `docker-compose config` (the file with anchors, merges and .env resolved). */
final class ComposeRules {

    private ComposeRules() {
    }

    /** Each service module runs under its own name and sets every required configuration key in its environment. */
    static List<String> serviceConfiguration(JsonNode config, List<ServiceModule> modules) {
        List<String> violations = new ArrayList<>();
        JsonNode services = config.path("services");
        for (ServiceModule module : modules) {
            JsonNode service = services.path(module.name());
            if (service.isMissingNode()) {
                violations.add("docker-compose.yml has no service " + module.name());
                continue;
            }
            Set<String> names = environmentNames(service.path("environment"));
            module.requiredKeys().forEach((key, reason) -> {
                String variable = ServiceModule.environmentVariable(key);
                if (!names.contains(variable) && !names.contains(key)) {
                    violations.add("compose service " + module.name() + " does not set " + variable + " (" + key
                            + " is required: " + reason + ")");
                }
            });
        }
        return violations;
    }

    /** environment: as a map (what config prints) or as a list of NAME=value. */
    private static Set<String> environmentNames(JsonNode environment) {
        Set<String> names = new HashSet<>();
        if (environment.isObject()) {
            environment.fieldNames().forEachRemaining(names::add);
        } else {
            environment.forEach(entry -> names.add(entry.asText().split("=", 2)[0]));
        }
        return names;
    }

    /**
     * Every container has a health check and a memory limit, and waits for what it depends on to be healthy
     * (not merely started): a service that starts before its database is ready fails its first migration.
     */
    static List<String> containers(JsonNode config) {
        List<String> violations = new ArrayList<>();
        config.path("services").fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode service = entry.getValue();
            JsonNode healthcheck = service.path("healthcheck");
            if (healthcheck.path("test").isMissingNode() || healthcheck.path("disable").asBoolean(false)) {
                violations.add("compose service " + name + " has no health check");
            }
            boolean memoryLimit = service.has("mem_limit")
                    || service.path("deploy").path("resources").path("limits").has("memory");
            if (!memoryLimit) {
                violations.add("compose service " + name + " has no memory limit");
            }
            JsonNode dependsOn = service.path("depends_on");
            if (dependsOn.isArray()) {
                violations.add("compose service " + name + " depends_on without condition: service_healthy");
            } else {
                dependsOn.fields().forEachRemaining(dependency -> {
                    if (!"service_healthy".equals(dependency.getValue().path("condition").asText())) {
                        violations.add("compose service " + name + " does not wait for " + dependency.getKey()
                                + " to be healthy");
                    }
                });
            }
        });
        return violations;
    }
}
