package dev.relaydesk.localstack.testing;

import dev.relaydesk.localstack.Stack;
import dev.relaydesk.localstack.StackPorts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The daemon side of {@link SharedTestStack}: runs the infrastructure until the owner process exits.
 * Started as {@code Main infra --ports test --home <dir> --owner-pid <pid> [--fresh]}.
 */
public final class InfraDaemon {

    static final String READY_FILE = "ready.properties";

    private InfraDaemon() {
    }

    public static void run(StackPorts ports, Path home, long ownerPid, boolean fresh) throws IOException, InterruptedException {
        Path readyFile = home.resolve(READY_FILE);
        try (Stack stack = Stack.builder().ports(ports).home(home).freshData(fresh).start()) {
            writeReady(readyFile, ports, ownerPid);
            System.out.println("Infrastructure ready; it stops when process " + ownerPid + " exits.");
            while (ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false)) {
                Thread.sleep(1000);
            }
            System.out.println("Process " + ownerPid + " is gone: stopping.");
            Files.deleteIfExists(readyFile);
        }
    }

    private static void writeReady(Path readyFile, StackPorts ports, long ownerPid) throws IOException {
        Properties props = new Properties();
        props.setProperty("daemon.pid", String.valueOf(ProcessHandle.current().pid()));
        props.setProperty("owner.pid", String.valueOf(ownerPid));
        props.setProperty("kafka", String.valueOf(ports.kafka()));
        props.setProperty("keycloak", String.valueOf(ports.keycloak()));
        props.setProperty("smtp", String.valueOf(ports.smtp()));
        props.setProperty("imap", String.valueOf(ports.imap()));
        Path tmp = readyFile.resolveSibling(READY_FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            props.store(out, "shared test stack");
        }
        Files.move(tmp, readyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
