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

    // Six JVMs starting together on 2 cores are ready in about a minute; on a machine busy with a build,
    // ticket-service was seen to need 114 s. A slow start is not a failure.
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private final List<ChildProcess> processes;
    private final Map<String, Launch> launches = new java.util.LinkedHashMap<>();

    /** How a service was started, so it can be started again the same way. */
    private record Launch(String module, List<String> command, Path workDir, Path log, String health, PidRegistry registry) {

        ChildProcess start() {
            try {
                return ChildProcess.start(module, command, Map.of(), workDir, log, registry);
            } catch (IOException e) {
                throw new StartupException(module, log, e.toString(), e);
            }
        }
    }

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
                Launch launch = new Launch(service.module(), List.copyOf(command), repoRoot.resolve(service.module()), log,
                        service.baseUrl() + "/q/health/ready", registry);
                runner.launches.put(service.module(), launch);
                started.add(launch.start());
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

    /**
     * Kills a service the hard way (SIGKILL, no shutdown hooks: a crash) and starts it again as before,
     * returning once it is ready. For tests that prove a crash loses nothing.
     */
    public synchronized void crashAndRestart(String module) {
        Launch launch = launches.get(module);
        if (launch == null) {
            throw new IllegalArgumentException("No service " + module + " in this stack");
        }
        ChildProcess old = processes.stream().filter(p -> p.name().equals(module)).findFirst().orElseThrow();
        old.tree().forEach(ProcessHandle::destroyForcibly);
        old.tree().forEach(process -> process.onExit().join());
        processes.remove(old);
        ChildProcess fresh = launch.start();
        processes.add(fresh);
        Probes.await(module, READY_TIMEOUT, fresh, () -> Probes.httpStatus(launch.health()) == 200);
    }

    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        processes.forEach(p -> all.addAll(p.tree()));
        ChildProcess.stop(all, Duration.ofSeconds(30));
    }
}
