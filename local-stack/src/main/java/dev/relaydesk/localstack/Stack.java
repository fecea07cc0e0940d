package dev.relaydesk.localstack;

import dev.relaydesk.localstack.kafka.KafkaBroker;
import dev.relaydesk.localstack.keycloak.KeycloakServer;
import dev.relaydesk.localstack.mail.MailServer;
import dev.relaydesk.localstack.postgres.Postgres;
import dev.relaydesk.localstack.process.PidRegistry;
import dev.relaydesk.localstack.process.Probes;
import dev.relaydesk.localstack.services.ServiceCatalog;
import dev.relaydesk.localstack.services.ServiceRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * One running Relay Desk stack: the infrastructure (mail server in this JVM, Kafka and Keycloak as child
 * processes, the machine's PostgreSQL) and optionally the six services. Closing it, or the JVM exiting
 * (shutdown hook), stops everything in reverse start order.
 */
public final class Stack implements AutoCloseable {

    /** Which services a stack runs. */
    public enum Services {
        /** infrastructure only */
        NONE,
        /** every service whose quarkus-run.jar is built; the others are skipped with a warning */
        BUILT,
        /** all six; a missing jar is an error */
        ALL
    }

    private final Builder config;
    private final PidRegistry registry;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Thread shutdownHook = new Thread(this::close, "relaydesk-stack-shutdown");
    private final List<String> skipped = new ArrayList<>();
    /** The services' internal API key; Keycloak's login provider presents it to provider-gateway too. */
    private final String apiKey = randomKey();
    private Endpoints endpoints;
    private ServiceRunner serviceRunner;
    private boolean closed;

    private Stack(Builder config) {
        this.config = config;
        this.registry = new PidRegistry(config.home.resolve("data/pids"));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** Services that were not started because their jar is not built (mode {@link Services#BUILT}). */
    public List<String> skippedServices() {
        return List.copyOf(skipped);
    }

    public Path logs() {
        return config.home.resolve("logs");
    }

    /** Kills one service with SIGKILL (a crash, no shutdown hooks) and starts it again; returns once it is ready. */
    public void crashAndRestart(String module) {
        if (serviceRunner == null) {
            throw new IllegalStateException("This stack runs no services");
        }
        serviceRunner.crashAndRestart(module);
    }

    private Stack start() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            List<Long> leftovers = registry.stopLeftovers();
            if (!leftovers.isEmpty()) {
                say("Stopped " + leftovers.size() + " processes left over by an earlier run: " + leftovers);
            }
            checkPortsFree();
            Files.createDirectories(logs());
            long t = System.nanoTime();
            Postgres.ensureAvailable();
            say("PostgreSQL ready on " + Postgres.HOST + ":" + Postgres.PORT + " (" + secondsSince(t) + ")");
            Endpoints infra = config.existingInfra != null ? config.existingInfra : startInfra();
            endpoints = infra;
            if (config.services != Services.NONE) {
                endpoints = startServices(infra);
            }
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private Endpoints startInfra() {
        StackPorts ports = config.ports;
        Path data = config.home.resolve("data");
        Path logs = logs();
        deleteLogs("kafka", "keycloak");
        long t = System.nanoTime();
        add(MailServer.start(ports.smtp(), ports.imap()));
        say("Mail server ready: SMTP 127.0.0.1:" + ports.smtp() + ", IMAP 127.0.0.1:" + ports.imap() + " (" + secondsSince(t) + ")");

        // Kafka and Keycloak start side by side: Keycloak's start dominates, Kafka fits in its shadow.
        long tKafka = System.nanoTime();
        CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(() -> {
            KafkaBroker broker = KafkaBroker.start(config.repoRoot.resolve("local-stack/target/kafka-lib"), data.resolve("kafka"),
                    logs.resolve("kafka.log"), ports.kafka(), ports.kafkaController(), config.freshData, registry);
            say("Kafka ready on 127.0.0.1:" + ports.kafka() + " (" + secondsSince(tKafka) + ")");
            return broker;
        });
        RuntimeException failure = null;
        try {
            long tKeycloak = System.nanoTime();
            say("Starting Keycloak (the very first start on a machine takes about a minute)...");
            add(KeycloakServer.start(data.resolve("keycloak"), logs.resolve("keycloak.log"),
                    config.repoRoot.resolve("identity-service/realm/relaydesk-realm.json"),
                    ports.keycloak(), ports.keycloakManagement(), config.freshData, registry, loginProvider()));
            say("Keycloak ready on http://127.0.0.1:" + ports.keycloak() + " (" + secondsSince(tKeycloak) + ")");
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            add(kafka.join());
        } catch (CompletionException e) {
            RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
            if (failure == null) {
                failure = cause;
            } else {
                failure.addSuppressed(cause);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return Endpoints.infra(ports);
    }

    /**
     * Keycloak's Relay Desk login provider (keycloak-login-provider's jar, when built), pointed at this stack's
     * provider-gateway with this stack's internal key. Infrastructure-only stacks (tests) leave it unconfigured:
     * a test that needs it sets the realm component's gatewayUrl and internalKey.
     */
    private KeycloakServer.LoginProvider loginProvider() {
        Path jar = KeycloakServer.LoginProvider.find(config.repoRoot);
        if (jar == null) {
            say("NOTE: Keycloak starts without the Relay Desk login provider: keycloak-login-provider is not built");
            return null;
        }
        if (config.services == Services.NONE) {
            return new KeycloakServer.LoginProvider(jar, null, null);
        }
        return new KeycloakServer.LoginProvider(jar, "http://127.0.0.1:" + config.ports.providerGateway(), apiKey);
    }

    private Endpoints startServices(Endpoints infra) {
        Postgres.ensureDatabase(config.database);
        List<ServiceCatalog.Service> services = new ArrayList<>();
        for (ServiceCatalog.Service s : ServiceCatalog.services(config.ports, infra, config.database, apiKey, config.portalPublicUrl)) {
            s = s.with(config.serviceProperties);
            if (config.services == Services.BUILT && !Files.isRegularFile(ServiceRunner.runnerJar(config.repoRoot, s.module()))) {
                skipped.add(s.module());
                say("WARNING: skipping " + s.module() + ": " + ServiceRunner.runnerJar(config.repoRoot, s.module())
                        + " is not built (./mvnw -B install -DskipTests)");
            } else {
                services.add(s);
            }
        }
        Map<String, String> urls = new LinkedHashMap<>();
        services.forEach(s -> urls.put(s.module(), s.baseUrl()));
        if (!services.isEmpty()) {
            deleteLogs(urls.keySet().toArray(String[]::new));
            long t = System.nanoTime();
            say("Starting " + urls.keySet() + "...");
            serviceRunner = ServiceRunner.start(config.repoRoot, services, logs(), registry);
            add(serviceRunner);
            say("Services ready (" + secondsSince(t) + ")");
        }
        return infra.withServices(config.database, urls, config.ports.smtpReceiver(), apiKey);
    }

    private void checkPortsFree() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (config.existingInfra == null) {
            ports.putAll(config.ports.infraPorts());
        }
        if (config.services != Services.NONE) {
            ServiceCatalog.MODULES.forEach(m -> ports.put(m, ServiceCatalog.port(m, config.ports)));
            ports.put("SMTP receiver of mail-ingest-service", config.ports.smtpReceiver());
        }
        ports.forEach((what, port) -> {
            if (!Probes.portFree(port)) {
                throw new StartupException(what, null, "port " + port + " on 127.0.0.1 is already in use"
                        + " (another Relay Desk stack? try ./relaydesk status / ./relaydesk down)");
            }
        });
    }

    /** A run's logs start empty (children append, so that Kafka's format step and the broker share one file). */
    private void deleteLogs(String... names) {
        for (String name : names) {
            try {
                Files.deleteIfExists(logs().resolve(name + ".log"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private synchronized void add(AutoCloseable piece) {
        if (closed) { // the shutdown hook ran while this piece was starting
            try {
                piece.close();
            } catch (Exception ignored) {
                // best effort
            }
            throw new StartupException("stack", null, "stopped while starting");
        }
        started.push(piece);
    }

    private void say(String message) {
        config.progress.accept(message);
    }

    /** Stops what was started, newest first. Safe to call twice and from the shutdown hook. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!started.isEmpty()) {
            AutoCloseable piece = started.pop();
            try {
                piece.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + piece.getClass().getSimpleName() + ": " + e);
            }
        }
        if (config.dropDatabaseOnClose && config.database != null) {
            try {
                Postgres.dropDatabase(config.database);
            } catch (RuntimeException e) {
                System.err.println("Could not drop database " + config.database + ": " + e.getMessage());
            }
        }
        registry.stopLeftovers(); // everything is stopped: this only forgets the pids
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting anyway
            }
        }
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String secondsSince(long nanoTime) {
        return String.format("%.1f s", (System.nanoTime() - nanoTime) / 1e9);
    }

    public static final class Builder {
        private StackPorts ports = StackPorts.defaults();
        private Path home;
        private Path repoRoot;
        private boolean freshData;
        private Endpoints existingInfra;
        private Services services = Services.NONE;
        private String database = "relaydesk";
        private boolean dropDatabaseOnClose;
        private String portalPublicUrl;
        private final Map<String, String> serviceProperties = new LinkedHashMap<>();
        private Consumer<String> progress = System.out::println;

        public Builder ports(StackPorts ports) {
            this.ports = Objects.requireNonNull(ports);
            return this;
        }

        /** Where data/ and logs/ go (e.g. {@code <repo>/.relaydesk}). Required. */
        public Builder home(Path home) {
            this.home = home.toAbsolutePath().normalize();
            return this;
        }

        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = repoRoot.toAbsolutePath().normalize();
            return this;
        }

        /** Wipe Kafka's and Keycloak's data before starting (tests); default keeps them (launcher). */
        public Builder freshData(boolean freshData) {
            this.freshData = freshData;
            return this;
        }

        /** Use infrastructure that already runs (e.g. the shared test stack) instead of starting it. */
        public Builder existingInfra(Endpoints infra) {
            this.existingInfra = infra;
            return this;
        }

        public Builder services(Services services) {
            this.services = Objects.requireNonNull(services);
            return this;
        }

        /** The services' database (created when missing), and whether to drop it on close. */
        public Builder database(String database, boolean dropOnClose) {
            this.database = database;
            this.dropDatabaseOnClose = dropOnClose;
            return this;
        }

        public Builder portalPublicUrl(String url) {
            this.portalPublicUrl = url;
            return this;
        }

        /** Configuration every service gets on top of the stack's own (e.g. where to export traces). */
        public Builder serviceProperties(Map<String, String> properties) {
            this.serviceProperties.putAll(properties);
            return this;
        }

        /** Receives one line per milestone ("Kafka ready ... (4.2 s)"); default prints to stdout. */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        public Stack start() {
            Objects.requireNonNull(home, "home");
            if (repoRoot == null) {
                repoRoot = RepoRoot.find();
            }
            return new Stack(this).start();
        }
    }
}
