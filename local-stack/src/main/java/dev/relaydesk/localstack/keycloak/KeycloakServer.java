package dev.relaydesk.localstack.keycloak;

import dev.relaydesk.localstack.Dirs;
import dev.relaydesk.localstack.StartupException;
import dev.relaydesk.localstack.process.ChildProcess;
import dev.relaydesk.localstack.process.PidRegistry;
import dev.relaydesk.localstack.process.Probes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keycloak in dev mode with the relaydesk realm imported.
 *
 * <p>Each stack gets its own Keycloak home: bin/kc.sh and conf/ copied, lib/, providers/ and themes/
 * symlinked to the shared cache, and its own data/ (H2 database, transaction logs, realm import). Keycloak
 * derives data/ from its home directory, so separate homes are what keeps two stacks (launcher and tests)
 * from sharing a database or a transaction log. Only the first start ever re-augments the shared lib/
 * for dev mode (~35 s); it runs under the cache lock, later starts reuse it.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String ADMIN_USER = "admin";

    /**
     * Keycloak's Relay Desk login provider: its jar, and where provider-gateway is and its internal key (both null:
     * left to the realm component's own settings). Passed as SPI options through the environment, never the realm.
     */
    public record LoginProvider(Path jar, String gatewayUrl, String internalKey) {

        static final String JAR = "keycloak-login-provider/target/keycloak-login-provider.jar";

        /** The built jar in this checkout, or null. */
        public static Path find(Path repoRoot) {
            Path jar = repoRoot.resolve(JAR);
            return Files.isRegularFile(jar) ? jar : null;
        }

        @Override
        public String toString() {
            return "LoginProvider[" + jar + ", " + gatewayUrl + "]"; // never the key
        }
    }
    private static final String COMPONENT = "Keycloak";

    private final ChildProcess process;

    private KeycloakServer(ChildProcess process) {
        this.process = process;
    }

    /**
     * @param dir   this stack's Keycloak home
     * @param fresh drop the stack's Keycloak data first (re-imports the realm)
     */
    public static KeycloakServer start(Path dir, Path log, Path realmFile, int port, int managementPort, boolean fresh,
            PidRegistry registry) {
        return start(dir, log, realmFile, port, managementPort, fresh, registry, null);
    }

    /** @param login the Relay Desk login provider to install, or null for none */
    public static KeycloakServer start(Path dir, Path log, Path realmFile, int port, int managementPort, boolean fresh,
            PidRegistry registry, LoginProvider login) {
        if (!Files.isRegularFile(realmFile)) {
            throw new StartupException(COMPONENT, null, "the realm file " + realmFile + " is missing");
        }
        Path dist = login == null ? KeycloakDistribution.ensureUnpacked() : KeycloakDistribution.withProvider(login.jar());
        try {
            String realmHash = sha256(realmFile);
            boolean seeded = prepareHome(dir, dist, realmFile, realmHash, fresh);
            KeycloakServer server = launch(dist, dir, log, port, managementPort, registry, login);
            if (!seeded) {
                // First import of this realm on this machine (schema + realm: ~15 s). Keep the database as a
                // template, so that later fresh starts (every test build) copy it instead.
                server.close();
                KeycloakDistribution.saveDataTemplate(dir.resolve("data/h2"), realmHash);
                server = launch(dist, dir, log, port, managementPort, registry, login);
            }
            return server;
        } catch (IOException e) {
            throw new StartupException(COMPONENT, log, e.toString(), e);
        }
    }

    /** Only the very first start re-augments the shared lib/; it holds the cache lock meanwhile. */
    private static KeycloakServer launch(Path dist, Path dir, Path log, int port, int managementPort,
            PidRegistry registry, LoginProvider login) throws IOException {
        if (KeycloakDistribution.augmented(dist)) {
            // A realm import on a machine loaded by parallel builds was seen to take over 180 s.
            return launch(dir, log, port, managementPort, registry, Duration.ofSeconds(300), login);
        }
        return KeycloakDistribution.withLock(() -> {
            KeycloakServer server = launch(dir, log, port, managementPort, registry, Duration.ofSeconds(420), login);
            KeycloakDistribution.markAugmented(dist);
            return server;
        });
    }

    private static KeycloakServer launch(Path dir, Path log, int port, int managementPort, PidRegistry registry,
            Duration timeout, LoginProvider login) throws IOException {
        String javaHome = javaHome();
        List<String> command = List.of(dir.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + managementPort, "--import-realm");
        ChildProcess child = ChildProcess.start(COMPONENT, command, env -> {
            // Inherited KC_*/QUARKUS_* settings could change build options and re-augment the shared lib/.
            env.keySet().removeIf(k -> k.startsWith("KC_") || k.startsWith("QUARKUS_") || k.startsWith("JAVA_OPTS"));
            env.put("JAVA_HOME", javaHome);
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"); // local dev admin; ./relaydesk up prints it
            if (login != null && login.gatewayUrl() != null) {
                // Runtime SPI options (no re-augmentation); the realm component leaves these empty.
                env.put("KC_SPI_USER_STORAGE__RELAYDESK_LOGIN__GATEWAY_URL", login.gatewayUrl());
                env.put("KC_SPI_USER_STORAGE__RELAYDESK_LOGIN__INTERNAL_KEY", login.internalKey());
            }
        }, dir, log, registry);
        String ready = "http://127.0.0.1:" + port + "/realms/relaydesk/.well-known/openid-configuration";
        try {
            Probes.await(COMPONENT, timeout, child, () -> Probes.httpStatus(ready) == 200);
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
        if (registry != null) {
            child.tree().forEach(registry::add); // kc.sh runs Keycloak as its own child java process
        }
        return new KeycloakServer(child);
    }

    /** Lays out the stack's home; returns false when its database still has to be created by an import. */
    private static boolean prepareHome(Path dir, Path dist, Path realmFile, String realmHash, boolean fresh) throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        // Copied, not linked: kc.sh takes its home from its own resolved path.
        Files.copy(dist.resolve("bin/kc.sh"), dir.resolve("bin/kc.sh"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES);
        if (!Files.isDirectory(dir.resolve("conf"))) {
            Dirs.copyTree(dist.resolve("conf"), dir.resolve("conf"));
        }
        for (String shared : List.of("lib", "providers", "themes")) {
            Path link = dir.resolve(shared);
            if (Files.isSymbolicLink(link) && !Files.readSymbolicLink(link).equals(dist.resolve(shared))) {
                Files.delete(link); // a cache from another Keycloak version
            }
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, dist.resolve(shared));
            }
        }
        Path data = dir.resolve("data");
        Path realmStamp = dir.resolve("realm.sha256");
        if (fresh) {
            Dirs.deleteTree(data);
        }
        Files.createDirectories(data.resolve("import"));
        Files.copy(realmFile, data.resolve("import/relaydesk-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        if (Files.isDirectory(data.resolve("h2"))) {
            if (Files.exists(realmStamp) && !Files.readString(realmStamp).equals(realmHash)) {
                System.out.println("WARNING: " + realmFile + " changed since Keycloak imported it into " + data
                        + "; Keycloak keeps its data. Delete that directory to import the new realm.");
            }
            return true;
        }
        Files.writeString(realmStamp, realmHash);
        return KeycloakDistribution.seedFromDataTemplate(data.resolve("h2"), realmHash);
    }

    /**
     * Keycloak documents Java 21+: use RELAYDESK_KEYCLOAK_JAVA_HOME, else this JVM when it is 21+, else
     * the newest 21+ JDK under /usr/lib/jvm, else this JVM (Keycloak 26.7 also runs on 17).
     */
    static String javaHome() {
        String explicit = System.getenv("RELAYDESK_KEYCLOAK_JAVA_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        String current = System.getProperty("java.home");
        if (Runtime.version().feature() >= 21) {
            return current;
        }
        Pattern versionLine = Pattern.compile("JAVA_VERSION=\"(\\d+)");
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            Optional<Map.Entry<Integer, Path>> newest = jdks
                    .filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")) && Files.isRegularFile(jdk.resolve("release")))
                    .map(jdk -> {
                        try {
                            Matcher m = versionLine.matcher(Files.readString(jdk.resolve("release")));
                            return m.find() ? Map.entry(Integer.parseInt(m.group(1)), jdk) : null;
                        } catch (IOException e) {
                            return null;
                        }
                    })
                    .filter(e -> e != null && e.getKey() >= 21)
                    .max(Map.Entry.comparingByKey());
            return newest.map(e -> e.getValue().toString()).orElse(current);
        } catch (IOException e) {
            return current;
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
