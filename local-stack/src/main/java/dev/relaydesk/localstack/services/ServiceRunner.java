package dev.relaydesk.localstack.services;

import dev.relaydesk.localstack.StartupException;
import dev.relaydesk.localstack.process.ChildProcess;
import dev.relaydesk.localstack.process.PidRegistry;
import dev.relaydesk.localstack.process.Probes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts services in parallel and waits until each reports ready; stops them together. */
public final class ServiceRunner implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final List<ChildProcess> processes;

    private ServiceRunner(List<ChildProcess> processes) {
        this.processes = processes;
    }

    public static Path runnerJar(Path repoRoot, String module) {
        return repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Launches every service at once (2 cores: their starts overlap with waiting), then awaits all. */
    public static ServiceRunner start(Path repoRoot, List<ServiceCatalog.Service> services, Path logs, PidRegistry registry) {
        List<ChildProcess> started = new ArrayList<>();
        ServiceRunner runner = new ServiceRunner(started);
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            for (ServiceCatalog.Service service : services) {
                Path jar = runnerJar(repoRoot, service.module());
                Path log = logs.resolve(service.module() + ".log");
                if (!Files.isRegularFile(jar)) {
                    throw new StartupException(service.module(), null, jar + " is missing; build it: ./mvnw -B install -DskipTests");
                }
                List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
                // Not logged anywhere: the properties carry the database password and the internal API key.
                service.properties().forEach((k, v) -> command.add("-D" + k + "=" + v));
                command.addAll(List.of("-jar", jar.toString()));
                try {
                    started.add(ChildProcess.start(service.module(), command, Map.of(),
                            repoRoot.resolve(service.module()), log, registry));
                } catch (IOException e) {
                    throw new StartupException(service.module(), log, e.toString(), e);
                }
            }
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos(); // one clock for all: they start together
            for (int i = 0; i < services.size(); i++) {
                ChildProcess process = started.get(i);
                String health = services.get(i).baseUrl() + "/q/health/ready";
                Duration left = Duration.ofNanos(Math.max(Duration.ofSeconds(1).toNanos(), deadline - System.nanoTime()));
                Probes.await(process.name(), left, process, () -> Probes.httpStatus(health) == 200);
            }
            return runner;
        } catch (RuntimeException e) {
            runner.close();
            throw e;
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        processes.forEach(p -> all.addAll(p.tree()));
        ChildProcess.stop(all, Duration.ofSeconds(30));
    }
}
