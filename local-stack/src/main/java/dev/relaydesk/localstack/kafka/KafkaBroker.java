package dev.relaydesk.localstack.kafka;

import dev.relaydesk.localstack.Dirs;
import dev.relaydesk.localstack.StartupException;
import dev.relaydesk.localstack.process.ChildProcess;
import dev.relaydesk.localstack.process.PidRegistry;
import dev.relaydesk.localstack.process.Probes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft broker (broker + controller in one process) from the Maven Central jars that the
 * build copied to local-stack/target/kafka-lib, run as a child JVM.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String COMPONENT = "Kafka";

    private final ChildProcess process;

    private KafkaBroker(ChildProcess process) {
        this.process = process;
    }

    /**
     * @param dir   broker state: server.properties, log4j2.properties, data/ (kept between starts)
     * @param fresh wipe data/ first (the test stack starts empty every build)
     */
    public static KafkaBroker start(Path libDir, Path dir, Path log, int port, int controllerPort, boolean fresh,
            PidRegistry registry) {
        if (!hasBrokerJar(libDir)) {
            throw new StartupException(COMPONENT, null, "its jars are missing in " + libDir
                    + "; build the launcher first: ./mvnw -pl local-stack install -DskipTests");
        }
        try {
            Path data = dir.resolve("data");
            if (fresh) {
                Dirs.deleteTree(data);
            }
            Files.createDirectories(data);
            Files.createDirectories(log.getParent());
            Path config = dir.resolve("server.properties");
            Files.writeString(config, serverProperties(data, port, controllerPort));
            Path logConfig = dir.resolve("log4j2.properties");
            Files.writeString(logConfig, LOG4J2);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classpath = libDir.resolve("*").toString();
            if (!Files.exists(data.resolve("meta.properties"))) {
                format(java, classpath, logConfig, config, log);
            }
            ChildProcess child = ChildProcess.start(COMPONENT,
                    List.of(java, "-Xmx512m", "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + logConfig,
                            "-cp", classpath, "kafka.Kafka", config.toString()),
                    Map.of(), dir, log, registry);
            try {
                // The port opens before the broker has joined the quorum; the log line says it is serving.
                Probes.await(COMPONENT, Duration.ofSeconds(90), child,
                        () -> Probes.portOpen(port) && ChildProcess.tail(log, 400).contains("Kafka Server started"));
            } catch (RuntimeException e) {
                child.close();
                throw e;
            }
            return new KafkaBroker(child);
        } catch (IOException e) {
            throw new StartupException(COMPONENT, log, e.toString(), e);
        }
    }

    @Override
    public void close() {
        process.close();
    }

    public ChildProcess process() {
        return process;
    }

    private static String serverProperties(Path data, int port, int controllerPort) {
        return """
                # Written by the Relay Desk launcher on every start.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=true
                group.initial.rebalance.delay.ms=0
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                min.insync.replicas=1
                default.replication.factor=1
                """.formatted(port, controllerPort, data);
    }

    // Everything to stdout, which the launcher sends to kafka.log.
    private static final String LOG4J2 = """
            status = warn
            appender.out.type = Console
            appender.out.name = OUT
            appender.out.layout.type = PatternLayout
            appender.out.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = INFO
            rootLogger.appenderRef.out.ref = OUT
            logger.state.name = state.change.logger
            logger.state.level = WARN
            """;

    /** Formats the log dir once; a later start finds meta.properties and keeps the data. */
    private static void format(String java, String classpath, Path logConfig, Path config, Path log)
            throws IOException {
        Process p = new ProcessBuilder(java, "-Dlog4j2.configurationFile=" + logConfig, "-cp", classpath,
                "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new StartupException(COMPONENT, log, "formatting the log directory failed:\n" + ChildProcess.tail(log, 20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException(COMPONENT, log, "interrupted while formatting");
        }
    }

    /** Kafka's cluster id format (a random Uuid, base64url, 22 chars), without starting a JVM for it. */
    private static String clusterId() {
        SecureRandom random = new SecureRandom();
        while (true) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (!id.startsWith("-")) { // Kafka rejects ids that look like a command-line option
                return id;
            }
        }
    }

    private static boolean hasBrokerJar(Path libDir) {
        if (!Files.isDirectory(libDir)) {
            return false;
        }
        try (var files = Files.list(libDir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-"));
        } catch (IOException e) {
            return false;
        }
    }
}
