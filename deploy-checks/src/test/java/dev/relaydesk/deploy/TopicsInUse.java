package dev.relaydesk.deploy;

import dev.relaydesk.events.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every Kafka topic the code uses, found where the code says it, so a new event type or channel is checked
 * without anyone editing this class: each EventType's topic, and every topic in a module's
 * application.properties or META-INF/microprofile-config.properties (messaging-support's outbox channel).
 */
final class TopicsInUse {

    private TopicsInUse() {
    }

    /** Topic to where it is used (for failure messages). */
    static SortedMap<String, String> find(Path root) {
        SortedMap<String, String> topics = new TreeMap<>();
        for (EventType type : EventType.values()) {
            topics.put(type.topic(), "EventType." + type.name());
        }
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                for (String config : List.of("src/main/resources/application.properties",
                        "src/main/resources/META-INF/microprofile-config.properties")) {
                    Path file = module.resolve(config);
                    if (Files.exists(file)) {
                        ServiceModule.topicsUsedBy(ServiceModule.of(module.getFileName().toString(),
                                        ServiceModule.read(file)).properties())
                                .forEach(topic -> topics.putIfAbsent(topic, root.relativize(file).toString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }
}
