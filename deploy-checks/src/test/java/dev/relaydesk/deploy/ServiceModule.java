package dev.relaydesk.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A deployable service as its src/main/resources/application.properties describes it (prod profile: plain
 * keys overridden by %prod. keys; other profiles ignored).
 */
record ServiceModule(String name, Map<String, String> properties) {

    private static final Pattern CHANNEL_KEY = Pattern.compile("^mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)$");
    private static final Pattern CREDENTIAL = Pattern.compile("password|secret|api-key|apikey|credentials|[.-]token$");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)}");
    private static final Pattern EXPRESSION_ONLY = Pattern.compile("^\\$\\{[^}]+}$");

    /** Every module with an application.properties that names a Quarkus application. */
    static List<ServiceModule> all(Path root) {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.map(dir -> dir.resolve("src/main/resources/application.properties"))
                    .filter(Files::exists)
                    .map(file -> of(file.getParent().getParent().getParent().getParent().getFileName().toString(),
                            read(file)))
                    .filter(module -> module.properties.containsKey("quarkus.application.name"))
                    .sorted((a, b) -> a.name.compareTo(b.name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceModule of(String name, String propertiesText) {
        Properties raw = new Properties();
        try (Reader reader = new StringReader(propertiesText)) {
            raw.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> prod = new TreeMap<>();
        raw.stringPropertyNames().stream().filter(key -> !key.startsWith("%"))
                .forEach(key -> prod.put(key, raw.getProperty(key)));
        raw.stringPropertyNames().stream().filter(key -> key.startsWith("%prod."))
                .forEach(key -> prod.put(key.substring("%prod.".length()), raw.getProperty(key)));
        return new ServiceModule(name, prod);
    }

    /** Whether the service can export traces: OpenTelemetry in its own pom or through messaging-support. */
    boolean canTrace(Path root) {
        String pom = read(root.resolve(name).resolve("pom.xml"));
        return pom.contains("<artifactId>quarkus-opentelemetry</artifactId>")
                || pom.contains("<artifactId>relaydesk-messaging-support</artifactId>");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int httpPort() {
        return Integer.parseInt(properties.getOrDefault("quarkus.http.port", "8080"));
    }

    /**
     * Topics this service's consumer groups read: each incoming channel's topics (its comma-separated topics
     * attribute, else its topic, else the channel name).
     */
    Set<String> consumedTopics() {
        Set<String> topics = new TreeSet<>();
        channels("incoming").forEach((channel, attributes) -> topics.addAll(channelTopics(properties, channel, attributes)));
        return topics;
    }

    /**
     * The topics of one channel, as SmallRye Kafka reads them: topics (comma-separated, incoming only), else
     * topic, else the channel name. Property expressions (${other.key}) are resolved against the same file.
     */
    private static List<String> channelTopics(Map<String, String> properties, String channel, Map<String, String> attributes) {
        if (attributes.containsKey("topics")) {
            return Stream.of(resolve(properties, attributes.get("topics"), 0).split(","))
                    .map(String::trim).filter(topic -> !topic.isEmpty()).toList();
        }
        return List.of(resolve(properties, attributes.getOrDefault("topic", channel), 0));
    }

    private static String resolve(Map<String, String> properties, String value, int depth) {
        Matcher matcher = EXPRESSION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String replacement = properties.get(matcher.group(1));
            if (replacement == null || depth > 10) {
                throw new IllegalStateException("cannot resolve " + matcher.group() + " in " + value);
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(resolve(properties, replacement, depth + 1)));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    /**
     * Every Kafka topic this configuration uses: channel topics (topics, else topic, else the channel name) and, for
     * incoming channels with failure-strategy=dead-letter-queue, the dead-letter topic (SmallRye's default is
     * dead-letter-topic-&lt;channel&gt; unless dead-letter-queue.topic names one).
     */
    static Set<String> topicsUsedBy(Map<String, String> properties) {
        Set<String> topics = new TreeSet<>();
        for (String direction : List.of("incoming", "outgoing")) {
            channels(properties, direction).forEach((channel, attributes) -> {
                topics.addAll(channelTopics(properties, channel, attributes));
                if (direction.equals("incoming") && "dead-letter-queue".equals(attributes.get("failure-strategy"))) {
                    topics.add(attributes.getOrDefault("dead-letter-queue.topic", "dead-letter-topic-" + channel));
                }
            });
        }
        return topics;
    }

    Set<String> topicsUsed() {
        return topicsUsedBy(properties);
    }

    private Map<String, Map<String, String>> channels(String direction) {
        return channels(properties, direction);
    }

    private static Map<String, Map<String, String>> channels(Map<String, String> properties, String direction) {
        Map<String, Map<String, String>> channels = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            Matcher matcher = CHANNEL_KEY.matcher(key);
            if (matcher.matches() && matcher.group(1).equals(direction)) {
                channels.computeIfAbsent(matcher.group(2), channel -> new TreeMap<>()).put(matcher.group(3), value);
            }
        });
        return channels;
    }

    /**
     * The "required configuration keys" of this service: the properties a container deployment must set,
     * because their default only suits the local launcher or tests. A key is required when
     * <ul>
     *   <li>its default points at this machine (127.0.0.1 or localhost: a database, Kafka, Keycloak, a mail
     *   server, another service, a public URL, a bind address), or</li>
     *   <li>it is a credential (its name says password, secret, api-key or credentials, or ends in token; and
     *   quarkus.datasource.username, which goes with the password), or</li>
     *   <li>it is the port next to a required host or address (relaydesk.mail.smtp-host makes
     *   relaydesk.mail.smtp-port required): a host without its port is half an address.</li>
     * </ul>
     * A key whose whole value is an expression (${other.key}) is not required itself: the key it reads is.
     * The map goes from property to the reason it is required.
     */
    SortedMap<String, String> requiredKeys() {
        SortedMap<String, String> required = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (EXPRESSION_ONLY.matcher(value.trim()).matches()) {
                return;
            }
            if (value.contains("127.0.0.1") || value.contains("localhost")) {
                required.put(key, "its default " + value + " points at this machine");
            } else if (CREDENTIAL.matcher(key).find() || key.equals("quarkus.datasource.username")) {
                required.put(key, "it is a credential");
            }
        });
        for (String key : List.copyOf(required.keySet())) {
            String port = portNextTo(key);
            if (port != null && properties.containsKey(port) && !required.containsKey(port)) {
                required.put(port, "it is the port of " + key);
            }
        }
        return required;
    }

    private static String portNextTo(String key) {
        int lastDot = key.lastIndexOf('.');
        String prefix = key.substring(0, lastDot + 1);
        String last = key.substring(lastDot + 1);
        if (last.endsWith("host")) {
            return prefix + last.substring(0, last.length() - "host".length()) + "port";
        }
        if (last.endsWith("address")) {
            return prefix + "port";
        }
        return null;
    }

    /** The environment variable MicroProfile Config reads for a property (non-alphanumerics to _, upper case). */
    static String environmentVariable(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
