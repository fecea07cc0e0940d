package dev.relaydesk.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Keycloak needs to run Relay Desk's login provider, read from the module that builds it (not restated here):
 * the jar the build writes, the Keycloak release it is compiled against, the provider id, and the server options
 * its factory reads (which a deployment sets, since the repository's realm leaves the gateway and key empty).
 */
record LoginProviderModule(String providerId, String jarPath, String keycloakVersion, Set<String> serverOptions) {

    static final String MODULE = "keycloak-login-provider";
    static final String PROVIDERS_DIR = "/opt/keycloak/providers/";
    /** Options without which no login reaches the gateway (the timeout has a default). */
    static final List<String> REQUIRED_OPTIONS = List.of("gateway-url", "internal-key");
    private static final Pattern FACTORY_ID = Pattern.compile("String ID = \"([^\"]+)\"");
    private static final Pattern OPTION = Pattern.compile("config\\.get(?:Int|Boolean|Long)?\\(\"([a-z0-9-]+)\"");
    private static final Pattern FINAL_NAME = Pattern.compile("<finalName>([^<]+)</finalName>");
    private static final Pattern KEYCLOAK_VERSION = Pattern.compile("<keycloak\\.version>([^<]+)</keycloak\\.version>");

    static LoginProviderModule read(Path root) {
        Path module = root.resolve(MODULE);
        String services = ServiceModule.read(module.resolve(
                "src/main/resources/META-INF/services/org.keycloak.storage.UserStorageProviderFactory")).strip();
        Path factory = module.resolve("src/main/java/" + services.replace('.', '/') + ".java");
        if (!Files.exists(factory)) {
            throw new AssertionError(MODULE + " registers " + services + ", which is not in its sources");
        }
        String source = ServiceModule.read(factory);
        Set<String> options = new TreeSet<>();
        Matcher option = OPTION.matcher(source);
        while (option.find()) {
            options.add(option.group(1));
        }
        return new LoginProviderModule(first(FACTORY_ID, source, factory),
                MODULE + "/target/" + first(FINAL_NAME, ServiceModule.read(module.resolve("pom.xml")), module) + ".jar",
                first(KEYCLOAK_VERSION, ServiceModule.read(root.resolve("pom.xml")), root), options);
    }

    /** Keycloak's name of a server option of this provider: spi-user-storage--relaydesk-login--gateway-url. */
    String option(String name) {
        return "spi-user-storage--" + providerId + "--" + name;
    }

    /** The same option as an environment variable: KC_SPI_USER_STORAGE__RELAYDESK_LOGIN__GATEWAY_URL. */
    String environmentVariable(String name) {
        return "KC_" + option(name).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static String first(Pattern pattern, String text, Path where) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError(where + " has no " + pattern.pattern());
        }
        return matcher.group(1);
    }
}
