package dev.relaydesk.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the pids a stack started (pid + start time, so a recycled pid is never mistaken for ours),
 * so that the next start can stop leftovers of a launcher that was killed with SIGKILL.
 */
public final class PidRegistry {

    private final Path file;

    public PidRegistry(Path file) {
        this.file = file;
    }

    public synchronized void add(ProcessHandle process) {
        Optional<Instant> started = process.info().startInstant();
        if (started.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, process.pid() + " " + started.get().toEpochMilli() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every recorded process that is still alive (and still the same process), then forgets them. */
    public synchronized List<Long> stopLeftovers() {
        Map<Long, ProcessHandle> alive = new LinkedHashMap<>(); // a pid may be recorded twice
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file)) {
                    String[] parts = line.trim().split(" ");
                    if (parts.length != 2) {
                        continue;
                    }
                    long startMillis = Long.parseLong(parts[1]);
                    ProcessHandle.of(Long.parseLong(parts[0]))
                            .filter(p -> p.info().startInstant().map(i -> i.toEpochMilli() == startMillis).orElse(false))
                            .ifPresent(p -> {
                                p.descendants().forEach(d -> alive.put(d.pid(), d));
                                alive.put(p.pid(), p);
                            });
                }
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ChildProcess.stop(new ArrayList<>(alive.values()), Duration.ofSeconds(20));
        return List.copyOf(alive.keySet());
    }
}
