package dev.relaydesk.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository these checks read: its deploy/ tree, compose file and services' configuration. */
final class Repository {

    private Repository() {
    }

    /** Surefire passes relaydesk.root (parent pom); from an IDE we walk up to the parent pom instead. */
    static Path root() {
        String configured = System.getProperty("relaydesk.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/overlays")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the repository root: set -Drelaydesk.root");
    }

    static Path overlays() {
        return root().resolve("deploy/overlays");
    }

    static List<String> overlayNames() {
        try (Stream<Path> dirs = Files.list(overlays())) {
            return dirs.filter(dir -> Files.exists(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Secret templates operators fill in for production: every deploy/base/**&#47;secrets.template.yaml. */
    static List<Path> secretTemplates() {
        try (Stream<Path> files = Files.walk(root().resolve("deploy/base"))) {
            return files.filter(file -> file.getFileName().toString().equals("secrets.template.yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
