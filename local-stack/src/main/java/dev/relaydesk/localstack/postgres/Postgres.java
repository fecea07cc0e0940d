package dev.relaydesk.localstack.postgres;

import dev.relaydesk.localstack.process.Probes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The machine's PostgreSQL server (Debian package) on 127.0.0.1:5432, used by every stack. Started and
 * given the {@code relaydesk} login role when needed; each stack or test module gets its own database.
 */
public final class Postgres {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    public static final String USER = "relaydesk";
    public static final String PASSWORD = "relaydesk";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final String INSTALL_HINT = "install it with: apt-get install -y postgresql";

    private Postgres() {
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    /** Makes sure the server runs and the relaydesk role can log in; explains what to do when it cannot. */
    public static synchronized void ensureAvailable() {
        if (!Probes.portOpen(HOST, PORT)) {
            startCluster();
        }
        try (Connection ignored = connect("postgres")) {
            return;
        } catch (SQLException e) {
            if (!isLoginFailure(e)) {
                throw new IllegalStateException("PostgreSQL on " + HOST + ":" + PORT + " refused the connection: " + e.getMessage(), e);
            }
        }
        createRole();
        try (Connection ignored = connect("postgres")) {
            // the role works now
        } catch (SQLException e) {
            throw new IllegalStateException("created the role " + USER + " but cannot log in with it: " + e.getMessage(), e);
        }
    }

    public static Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        props.setProperty("connectTimeout", "5");
        // The driver directly, not DriverManager: in a Quarkus test JVM, DriverManager's class loader checks
        // can refuse a driver loaded by another loader.
        return new org.postgresql.Driver().connect(jdbcUrl(database), props);
    }

    public static void createDatabase(String name) {
        execute("CREATE DATABASE " + checked(name));
    }

    /** Creates the database unless it exists (safe when two JVMs race for it). */
    public static void ensureDatabase(String name) {
        try (Connection c = connect("postgres");
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, checked(name));
            if (exists.executeQuery().next()) {
                return;
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: somebody else was faster
                throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
            }
        }
    }

    /** Drops the database, closing whatever connections are still open on it. */
    public static void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + checked(name) + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static String checked(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case database name: " + name);
        }
        return name;
    }

    private static boolean isLoginFailure(SQLException e) {
        return "28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState());
    }

    /** Starts the Debian cluster that owns port 5432 (pg_ctlcluster), then waits for the port. */
    private static void startCluster() {
        if (!onPath("pg_lsclusters")) {
            throw new IllegalStateException("PostgreSQL is not running on " + HOST + ":" + PORT
                    + " and is not installed (no pg_lsclusters); " + INSTALL_HINT);
        }
        String clusters = run(List.of("pg_lsclusters", "-h"), null, true);
        String[] cluster = clusters.lines().map(l -> l.trim().split("\\s+"))
                .filter(f -> f.length >= 3 && f[2].equals(String.valueOf(PORT)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL cluster uses port " + PORT
                        + " (pg_lsclusters: " + clusters.strip() + "); " + INSTALL_HINT + " or create one with pg_createcluster"));
        // Exit code ignored: "already running" when another JVM started it a moment ago is fine.
        String output = run(List.of("pg_ctlcluster", cluster[0], cluster[1], "start"), null, false);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Probes.portOpen(HOST, PORT)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("started PostgreSQL " + cluster[0] + "/" + cluster[1]
                        + " but nothing listens on " + PORT + ": " + output.strip());
            }
            sleep(200);
        }
    }

    /** Creates (or repairs) the login role as the postgres superuser; needs root for runuser. */
    private static void createRole() {
        String sql = """
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                    CREATE ROLE %1$s LOGIN CREATEDB PASSWORD '%2$s';
                  ELSE
                    ALTER ROLE %1$s LOGIN CREATEDB PASSWORD '%2$s';
                  END IF;
                END $$;
                """.formatted(USER, PASSWORD);
        if (!onPath("runuser") || !"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("PostgreSQL has no usable login role " + USER + "; as the postgres superuser run:\n" + sql);
        }
        // The SQL goes through stdin so the password is not in any process list.
        run(List.of("runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres"), sql, true);
    }

    private static String run(List<String> command, String stdin, boolean mustSucceed) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
            }
            if (p.exitValue() != 0 && mustSucceed) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/sbin:/bin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
