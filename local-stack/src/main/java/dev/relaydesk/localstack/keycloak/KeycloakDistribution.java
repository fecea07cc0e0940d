package dev.relaydesk.localstack.keycloak;

import dev.relaydesk.localstack.Dirs;
import dev.relaydesk.localstack.StartupException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Enumeration;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Keycloak server distribution from Maven Central, unpacked once into a cache outside the repository
 * (~/.cache/relaydesk/keycloak-VERSION) and shared by every stack, clone and build on the machine.
 */
final class KeycloakDistribution {

    private static final Properties BUILD = buildProperties();
    private static final String MARKER = ".relaydesk-augmented";

    private KeycloakDistribution() {
    }

    static String version() {
        return BUILD.getProperty("keycloak.version");
    }

    /** The unpacked distribution; unpacks it first when needed (under a lock: builds may race). */
    static Path ensureUnpacked() {
        Path home = home();
        if (Files.isRegularFile(home.resolve("lib/quarkus-run.jar"))) {
            return home;
        }
        return withLock(() -> {
            if (!Files.isRegularFile(home.resolve("lib/quarkus-run.jar"))) {
                unpack(zip(), home);
            }
            return home;
        });
    }

    /** True once a start-dev has re-augmented this distribution's lib/ for dev mode (the slow first start). */
    static boolean augmented(Path dist) {
        return Files.exists(dist.resolve(MARKER));
    }

    static void markAugmented(Path dist) throws IOException {
        Files.writeString(dist.resolve(MARKER), "start-dev build done\n");
    }

    /**
     * The distribution with this provider jar in providers/: a copy of lib/ (Keycloak re-augments lib/ for its
     * providers, which must not change the plain distribution other stacks use), keyed by the jar's hash, made once
     * under the cache lock. The jar is built reproducibly, so only a changed provider makes a new copy (~170 MB).
     */
    static Path withProvider(Path jar) {
        Path base = ensureUnpacked();
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new StartupException("Keycloak", null, "cannot read " + jar + ": " + e, e);
        }
        Path flavour = cacheRoot().resolve("keycloak-" + version() + "-providers-" + hash.substring(0, 16));
        if (Files.isRegularFile(flavour.resolve("lib/quarkus-run.jar"))) {
            return flavour;
        }
        return withLock(() -> {
            if (!Files.isRegularFile(flavour.resolve("lib/quarkus-run.jar"))) {
                Path tmp = flavour.resolveSibling(flavour.getFileName() + ".tmp-" + ProcessHandle.current().pid());
                Dirs.deleteTree(tmp);
                Files.createDirectories(tmp.resolve("providers"));
                for (String dir : new String[] {"bin", "conf", "lib"}) {
                    Dirs.copyTree(base.resolve(dir), tmp.resolve(dir));
                }
                Files.createSymbolicLink(tmp.resolve("themes"), base.resolve("themes"));
                Files.copy(jar, tmp.resolve("providers/" + jar.getFileName()));
                tmp.resolve("bin/kc.sh").toFile().setExecutable(true);
                Files.move(tmp, flavour, StandardCopyOption.ATOMIC_MOVE);
            }
            return flavour;
        });
    }

    /**
     * Fills an empty H2 directory from the template saved after the first import of this exact realm file
     * (keyed by its hash); false when there is no template yet.
     */
    static boolean seedFromDataTemplate(Path h2, String realmHash) {
        Path template = dataTemplate(realmHash);
        if (!Files.isDirectory(template)) {
            return false;
        }
        Dirs.copyTree(template, h2);
        return true;
    }

    /** Keeps a copy of a freshly imported, stopped Keycloak database (first writer wins). */
    static void saveDataTemplate(Path h2, String realmHash) throws IOException {
        Path template = dataTemplate(realmHash);
        if (Files.isDirectory(template)) {
            return;
        }
        Path tmp = template.resolveSibling(template.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Dirs.deleteTree(tmp);
        Dirs.copyTree(h2, tmp);
        try {
            Files.move(tmp, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            Dirs.deleteTree(tmp);
        }
    }

    private static Path dataTemplate(String realmHash) {
        return cacheRoot().resolve("keycloak-" + version() + "-data-" + realmHash.substring(0, 16));
    }

    /** Runs {@code work} holding the cache lock (threads of this JVM and other JVMs alike). */
    static <T> T withLock(Callable<T> work) {
        synchronized (KeycloakDistribution.class) {
            try {
                Files.createDirectories(cacheRoot());
                try (FileChannel channel = FileChannel.open(cacheRoot().resolve("keycloak-" + version() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock ignored = channel.lock()) {
                    return work.call();
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new StartupException("Keycloak", null, e.toString(), e);
            }
        }
    }

    static Path home() {
        return cacheRoot().resolve("keycloak-" + version());
    }

    private static Path cacheRoot() {
        String explicit = System.getenv("RELAYDESK_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("relaydesk");
    }

    /** The zip in the local Maven repository the build used (local-stack declares it as a dependency). */
    private static Path zip() {
        String v = version();
        String relative = "org/keycloak/keycloak-quarkus-dist/" + v + "/keycloak-quarkus-dist-" + v + ".zip";
        for (String repo : new String[] {BUILD.getProperty("maven.repo.local"),
                System.getProperty("user.home") + "/.m2/repository"}) {
            if (repo != null && Files.isRegularFile(Path.of(repo, relative))) {
                return Path.of(repo, relative);
            }
        }
        throw new StartupException("Keycloak", null, "its distribution " + relative + " is not in the local Maven repository; "
                + "build the launcher first: ./mvnw -pl local-stack install -DskipTests");
    }

    private static void unpack(Path zip, Path home) throws IOException {
        Path tmp = home.resolveSibling(home.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Dirs.deleteTree(tmp);
        String prefix = "keycloak-" + version() + "/";
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().startsWith(prefix) ? entry.getName().substring(prefix.length()) : entry.getName();
                Path target = tmp.resolve(name).normalize();
                if (!target.startsWith(tmp)) {
                    throw new IOException("unsafe path in " + zip + ": " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                if (name.endsWith(".sh")) {
                    target.toFile().setExecutable(true); // zip entries carry no Unix modes for Java
                }
            }
        }
        // Appears complete or not at all.
        Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Properties buildProperties() {
        Properties props = new Properties();
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("/dev/relaydesk/localstack/build.properties")) {
            props.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("build.properties missing from the local-stack jar", e);
        }
        return props;
    }
}
