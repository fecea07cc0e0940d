package dev.relaydesk.localstack.process;

import dev.relaydesk.localstack.StartupException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Readiness checks on loopback. */
public final class Probes {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Probes() {
    }

    public static boolean portOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean portOpen(int port) {
        return portOpen("127.0.0.1", port);
    }

    /** True when nothing listens on 127.0.0.1:port (we could bind it ourselves). */
    public static boolean portFree(int port) {
        if (portOpen(port)) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** HTTP status of a GET, or -1 when nothing answers. */
    public static int httpStatus(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Polls {@code ready} until it holds; fails early when {@code process} (may be null) exits, and
     * with the tail of its log when the timeout passes.
     */
    public static void await(String component, Duration timeout, ChildProcess process, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (process != null && !process.isAlive()) {
                throw new StartupException(component, process.log(),
                        "exited with code " + process.exitValue() + "; last lines of its log:\n" + process.tail(30));
            }
            if (System.nanoTime() > deadline) {
                throw new StartupException(component, process == null ? null : process.log(),
                        "not ready after " + timeout.toSeconds() + " s"
                                + (process == null ? "" : "; last lines of its log:\n" + process.tail(30)));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException(component, process == null ? null : process.log(), "interrupted");
            }
        }
    }
}
