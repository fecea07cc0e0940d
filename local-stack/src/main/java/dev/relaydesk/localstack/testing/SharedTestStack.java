package dev.relaydesk.localstack.testing;

import dev.relaydesk.localstack.Endpoints;
import dev.relaydesk.localstack.RepoRoot;
import dev.relaydesk.localstack.Stack;
import dev.relaydesk.localstack.StackPorts;
import dev.relaydesk.localstack.postgres.Postgres;
import dev.relaydesk.localstack.process.ChildProcess;
import dev.relaydesk.localstack.process.Probes;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Kafka, Keycloak and the mail server shared by every test of one Maven build, on
 * {@link StackPorts#forTests()}; PostgreSQL is the machine's server.
 *
 * <p>The first test JVM that needs them takes a file lock in {@code <repo>/target/test-stack/} and spawns a
 * daemon JVM ({@code Main infra}, run from local-stack/target/classes and target/lib, never from the
 * fork's temporary booter jar) that starts the servers with fresh data, writes {@code ready.properties}
 * and stops everything once its owner has exited. The owner is the Maven JVM: the parent of the
 * Surefire/Failsafe fork ({@code ProcessHandle.current().parent()}, skipping a shell in between), so the
 * servers live exactly as long as the build. Later forks of the same build find the ready file, check
 * that the ports answer, and reuse the servers.
 */
public final class SharedTestStack {

    private static final long START_TIMEOUT_SECONDS = 420; // a first start on a machine unpacks + augments Keycloak
    private static boolean verified;

    private SharedTestStack() {
    }

    public static StackPorts ports() {
        return StackPorts.forTests();
    }

    /** Where the shared servers are (does not start anything). */
    public static Endpoints endpoints() {
        return Endpoints.infra(ports());
    }

    /** Starts the shared servers unless this build already did; returns where they are. */
    public static synchronized Endpoints ensureInfra() {
        if (verified && infraAnswers()) {
            return endpoints();
        }
        Postgres.ensureAvailable();
        Path root = RepoRoot.find();
        Path home = root.resolve("target/test-stack");
        long owner = ownerPid();
        try {
            Files.createDirectories(home);
            try (FileChannel channel = FileChannel.open(home.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                Path readyFile = home.resolve(InfraDaemon.READY_FILE);
                Optional<Properties> ready = read(readyFile);
                if (ready.isPresent()) {
                    long daemon = Long.parseLong(ready.get().getProperty("daemon.pid"));
                    long readyOwner = Long.parseLong(ready.get().getProperty("owner.pid"));
                    if (alive(daemon) && readyOwner == owner && infraAnswers()) {
                        verified = true;
                        return endpoints();
                    }
                    if (alive(daemon) && readyOwner != owner && alive(readyOwner)) {
                        throw new IllegalStateException("the shared test stack in " + home + " belongs to another running build"
                                + " (Maven pid " + readyOwner + "); run one build at a time in a clone");
                    }
                    if (alive(daemon)) { // its build is over (or its servers died): it is on its way out
                        ProcessHandle.of(daemon).ifPresent(d -> ChildProcess.stop(List.of(d), java.time.Duration.ofSeconds(60)));
                    }
                    Files.deleteIfExists(readyFile);
                }
                spawnDaemon(root, home, owner, readyFile);
                verified = true;
                return endpoints();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For end-to-end tests: the shared infrastructure plus all six services on the test ports, on a fresh
     * database {@code relaydesk_e2e_<timestamp>}. Closing the stack stops the services and drops the database.
     */
    public static Stack startServices() {
        return startServices(Map.of());
    }

    /** As {@link #startServices()}, with configuration every service gets on top (e.g. a trace collector). */
    public static Stack startServices(Map<String, String> serviceProperties) {
        Endpoints infra = ensureInfra();
        Path root = RepoRoot.find();
        String database = "relaydesk_e2e_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        return Stack.builder()
                .ports(ports())
                .home(root.resolve("target/test-stack/e2e"))
                .repoRoot(root)
                .existingInfra(infra)
                .services(Stack.Services.ALL)
                .database(database, true)
                .serviceProperties(serviceProperties)
                .start();
    }

    /**
     * The JVM whose end ends the shared servers: the Maven JVM when this is a Surefire/Failsafe fork
     * (its parent, or grandparent when a shell sits in between), else this JVM. The system property
     * {@code relaydesk.test-stack.owner-pid} overrides.
     */
    static long ownerPid() {
        String explicit = System.getProperty("relaydesk.test-stack.owner-pid");
        if (explicit != null && !explicit.isBlank()) {
            return Long.parseLong(explicit.trim());
        }
        ProcessHandle self = ProcessHandle.current();
        if (!System.getProperty("sun.java.command", "").contains("surefire")) {
            return self.pid();
        }
        ProcessHandle owner = self.parent().orElse(self);
        while (isShell(owner) && owner.parent().isPresent()) {
            owner = owner.parent().get();
        }
        return owner.pid();
    }

    private static boolean isShell(ProcessHandle process) {
        String command = process.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("");
        return List.of("sh", "bash", "dash", "zsh").contains(command);
    }

    private static void spawnDaemon(Path root, Path home, long owner, Path readyFile) throws IOException {
        Path classes = root.resolve("local-stack/target/classes");
        Path lib = root.resolve("local-stack/target/lib");
        if (!Files.isDirectory(classes.resolve("dev/relaydesk/localstack")) || !Files.isDirectory(lib)) {
            throw new IllegalStateException("local-stack is not built (" + classes + ", " + lib + " missing);"
                    + " build it first: ./mvnw -B -pl local-stack install -DskipTests");
        }
        Path log = home.resolve("logs/daemon.log");
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process daemon = new ProcessBuilder(java, "-Xmx256m", "-Drelaydesk.root=" + root,
                "-cp", classes + File.pathSeparator + lib.resolve("*"), "dev.relaydesk.localstack.Main",
                "infra", "--ports", "test", "--home", home.toString(), "--owner-pid", String.valueOf(owner), "--fresh")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (true) {
            Optional<Properties> ready = read(readyFile);
            if (ready.isPresent() && String.valueOf(daemon.pid()).equals(ready.get().getProperty("daemon.pid"))) {
                return;
            }
            if (!daemon.isAlive()) {
                throw new IllegalStateException("the shared test stack did not start (daemon exit code " + daemon.exitValue()
                        + "); " + log + " ends with:\n" + ChildProcess.tail(log, 40));
            }
            if (System.nanoTime() > deadline) {
                daemon.destroy();
                throw new IllegalStateException("the shared test stack was not ready within " + START_TIMEOUT_SECONDS
                        + " s; see " + log + ":\n" + ChildProcess.tail(log, 40));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the shared test stack", e);
            }
        }
    }

    private static boolean infraAnswers() {
        StackPorts p = ports();
        return Probes.portOpen(p.kafka()) && Probes.portOpen(p.keycloak()) && Probes.portOpen(p.smtp()) && Probes.portOpen(p.imap());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static Optional<Properties> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
            return props.containsKey("daemon.pid") && props.containsKey("owner.pid") ? Optional.of(props) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
