package dev.relaydesk.localstack;

import dev.relaydesk.localstack.postgres.Postgres;
import dev.relaydesk.localstack.services.ServiceCatalog;
import dev.relaydesk.localstack.testing.InfraDaemon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Command line of the launcher.
 * <pre>
 *   up [--infra-only]                       whole platform on the default ports, in the foreground
 *   infra --ports test|default --home DIR --owner-pid PID [--fresh]
 *                                           infrastructure only, until process PID exits (shared test stack)
 * </pre>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        String command = a.isEmpty() ? "help" : a.get(0);
        switch (command) {
            case "up" -> up(a.contains("--infra-only"));
            case "infra" -> infra(a);
            default -> {
                System.err.println("usage: Main up [--infra-only] | Main infra --ports test|default --home DIR --owner-pid PID [--fresh]");
                System.exit(2);
            }
        }
    }

    private static void up(boolean infraOnly) throws IOException, InterruptedException {
        Path root = RepoRoot.find();
        Path home = root.resolve(".relaydesk");
        Path pidFile = home.resolve("launcher.pid");
        Files.createDirectories(home.resolve("logs"));
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                System.err.println("Relay Desk already runs (pid " + pid + "). Stop it with ./relaydesk down.");
                System.exit(1);
            }
        }
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        libraryLogsTo(home.resolve("logs/mail.log"));

        Stack stack;
        try {
            stack = Stack.builder()
                    .ports(StackPorts.defaults())
                    .home(home)
                    .repoRoot(root)
                    .services(infraOnly ? Stack.Services.NONE : Stack.Services.BUILT)
                    .database("relaydesk", false)
                    .portalPublicUrl("http://localhost:" + StackPorts.defaults().portalService())
                    .start();
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("Relay Desk did not start. " + e.getMessage());
            System.err.println("Everything that had started was stopped again.");
            Files.deleteIfExists(pidFile);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Relay Desk...");
            stack.close(); // waits for the stack's own hook when that one runs first
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // a stale pid file is detected by the next start
            }
            System.out.println("Relay Desk stopped.");
        }));
        System.out.println(banner(stack, home.resolve("logs")));
        new CountDownLatch(1).await(); // until Ctrl-C / SIGTERM
    }

    private static void infra(List<String> a) throws IOException, InterruptedException {
        StackPorts ports = "test".equals(option(a, "--ports")) ? StackPorts.forTests() : StackPorts.defaults();
        Path home = Path.of(option(a, "--home")).toAbsolutePath();
        long owner = Long.parseLong(option(a, "--owner-pid"));
        Files.createDirectories(home.resolve("logs"));
        libraryLogsTo(home.resolve("logs/mail.log"));
        try {
            InfraDaemon.run(ports, home, owner, a.contains("--fresh"));
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    private static String banner(Stack stack, Path logs) {
        Endpoints e = stack.endpoints();
        StackPorts p = StackPorts.defaults();
        StringBuilder b = new StringBuilder("\nRelay Desk is up.\n\n");
        row(b, stack, e, ServiceCatalog.TICKET, "Agent UI and API", "http://localhost:" + p.ticketService() + "/");
        row(b, stack, e, ServiceCatalog.PORTAL, "Client portal", "http://localhost:" + p.portalService() + "/");
        row(b, stack, e, ServiceCatalog.MAIL_INGEST, "Mail ingest", "http://localhost:" + p.mailIngestService()
                + "/   (inbound SMTP on 127.0.0.1:" + p.smtpReceiver() + ")");
        row(b, stack, e, ServiceCatalog.NOTIFICATION, "Notifications", "http://localhost:" + p.notificationService() + "/");
        row(b, stack, e, ServiceCatalog.IDENTITY, "Identity", "http://localhost:" + p.identityService() + "/");
        row(b, stack, e, ServiceCatalog.PROVIDER_GATEWAY, "Provider gateway", "http://localhost:" + p.providerGateway() + "/");
        if (!e.serviceUrls().isEmpty()) {
            b.append("  Swagger UI         http://localhost:<port>/q/swagger-ui  (ports 8081-8086)\n");
        }
        b.append("  Keycloak admin     ").append(e.keycloakUrl()).append("/admin/   (admin / admin), realm ")
                .append(Endpoints.REALM).append('\n');
        b.append("  Mail server        SMTP ").append(e.mailHost()).append(':').append(e.smtpPort())
                .append(", IMAP ").append(e.mailHost()).append(':').append(e.imapPort())
                .append("   (IMAP login: the address, as user and password)\n");
        b.append("  Kafka              ").append(e.kafkaBootstrap()).append('\n');
        b.append("  PostgreSQL         ").append(Postgres.jdbcUrl("relaydesk")).append("   (relaydesk / relaydesk)\n");
        b.append("  Demo users         admin / admin (roles admin, agent), agent / agent and agent2 / agent2 (role agent)\n");
        b.append("  Logs               ").append(logs).append('\n');
        b.append("\nPress Ctrl-C to stop (or ./relaydesk down).");
        return b.toString();
    }

    private static void row(StringBuilder b, Stack stack, Endpoints e, String module, String label, String url) {
        b.append(String.format("  %-18s ", label));
        String missing = stack.skippedServices().contains(module) ? "(not running: " + module + " is not built)" : "(not started: --infra-only)";
        b.append(e.serviceUrls().containsKey(module) ? url : missing).append('\n');
    }

    private static String option(List<String> a, String name) {
        int i = a.indexOf(name);
        if (i < 0 || i + 1 >= a.size()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return a.get(i + 1);
    }

    /** Sends java.util.logging (GreenMail logs through SLF4J to it) to a file instead of the console. */
    private static void libraryLogsTo(Path file) throws IOException {
        LogManager.getLogManager().reset();
        FileHandler handler = new FileHandler(file.toString(), false);
        handler.setFormatter(new SimpleFormatter());
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        root.setLevel(Level.INFO);
    }
}
