package dev.relaydesk.notification.delivery;

import dev.relaydesk.testsupport.RelaydeskTestResource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared test stack, but with outbound mail going to a small SMTP server of this test JVM that notes on which
 * connection each message arrived, and refuses every recipient whose address starts with {@value #REFUSED_PREFIX}
 * (550 to RCPT TO, as a real server does for a mailbox it does not have). GreenMail can do neither.
 */
public class RecordingMailServer extends RelaydeskTestResource {

    public static final String REFUSED_PREFIX = "refused-";

    /** A message the server accepted (250 to its DATA), with the number of the connection it came on. */
    public record Accepted(int connection, String messageId, String recipient) {
    }

    private static final List<Accepted> ACCEPTED = new ArrayList<>();
    private static final Pattern ADDRESS = Pattern.compile("<([^>]*)>");
    private static final Pattern MESSAGE_ID = Pattern.compile("(?i)^Message-ID:\\s*(<[^>]+>)");

    private final AtomicInteger connections = new AtomicInteger();
    private ServerSocket server;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "recording-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
        config.put("relaydesk.mail.smtp-host", "127.0.0.1");
        config.put("relaydesk.mail.smtp-port", String.valueOf(server.getLocalPort()));
        return config;
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            // stopping anyway
        }
        super.stop();
    }

    /** Every message accepted so far, in the order the server answered 250 to them. */
    public static List<Accepted> accepted() {
        synchronized (ACCEPTED) {
            return List.copyOf(ACCEPTED);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                int connection = connections.incrementAndGet();
                Thread session = new Thread(() -> converse(socket, connection), "recording-smtp-" + connection);
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    /** Just enough SMTP for Angus Mail: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT. */
    private static void converse(Socket socket, int connection) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = socket.getOutputStream()) {
            reply(out, "220 recording ESMTP");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 recording");
                    case "MAIL" -> {
                        recipient = null;
                        reply(out, "250 2.1.0 OK");
                    }
                    case "RCPT" -> {
                        String address = address(line);
                        if (address.startsWith(REFUSED_PREFIX)) {
                            reply(out, "550 5.1.1 <" + address + ">: no such mailbox");
                        } else {
                            recipient = address;
                            reply(out, "250 2.1.5 OK");
                        }
                    }
                    case "DATA" -> {
                        if (recipient == null) {
                            reply(out, "554 5.5.1 no valid recipients");
                            continue;
                        }
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        String messageId = null;
                        String data;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            Matcher id = MESSAGE_ID.matcher(data);
                            if (messageId == null && id.find()) {
                                messageId = id.group(1);
                            }
                        }
                        synchronized (ACCEPTED) {
                            ACCEPTED.add(new Accepted(connection, messageId, recipient));
                        }
                        recipient = null;
                        reply(out, "250 2.0.0 OK queued on connection " + connection);
                    }
                    case "RSET" -> {
                        recipient = null;
                        reply(out, "250 2.0.0 OK");
                    }
                    case "NOOP" -> reply(out, "250 2.0.0 OK");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String address(String line) {
        Matcher matcher = ADDRESS.matcher(line);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
