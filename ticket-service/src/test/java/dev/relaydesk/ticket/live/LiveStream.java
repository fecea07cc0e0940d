package dev.relaydesk.ticket.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A live page's event stream as the browser gets it (with a {@link dev.relaydesk.ticket.WebLogin} session),
 * read line by line.
 */
final class LiveStream implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Stream<String> stream;
    private final int status;

    private LiveStream(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.stream = response.body();
        Thread reader = new Thread(() -> {
            try {
                stream.forEach(lines::add);
            } catch (RuntimeException e) {
                // closed by the test
            }
        }, "live-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static LiveStream open(HttpClient session, String url) {
        try {
            return new LiveStream(session.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new AssertionError("cannot open " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    int status() {
        return status;
    }

    /** Everything received so far, one SSE line each ("event: moved", "data: {...}", ": keep-alive"). */
    String received() {
        return String.join("\n", lines);
    }

    /** How many events of this name so far (the server may or may not put a space after the colon). */
    long eventsNamed(String name) {
        return lines.stream().filter(line -> line.matches("event:\\s?" + name)).count();
    }

    /** How many data lines so far contain {@code text}. */
    long dataLinesContaining(String text) {
        return lines.stream().filter(line -> line.startsWith("data:") && line.contains(text)).count();
    }

    @Override
    public void close() {
        stream.close();
    }
}
