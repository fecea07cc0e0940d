package dev.relaydesk.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root: the directory holding the {@code relaydesk} script and local-stack/. */
public final class RepoRoot {

    private RepoRoot() {
    }

    /**
     * The system property {@code relaydesk.root} (Surefire and Failsafe set it from
     * {@code maven.multiModuleProjectDirectory}), else the first parent of the working directory that
     * looks like the root.
     */
    public static Path find() {
        String property = System.getProperty("relaydesk.root");
        if (property != null && !property.isBlank() && isRoot(Path.of(property))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Relay Desk repository root from " + Path.of("").toAbsolutePath()
                + "; set -Drelaydesk.root=<dir holding the relaydesk script>");
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("relaydesk")) && Files.isDirectory(dir.resolve("local-stack"));
    }
}
