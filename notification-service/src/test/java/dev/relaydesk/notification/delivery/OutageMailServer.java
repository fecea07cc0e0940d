package dev.relaydesk.notification.delivery;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shared test stack, but with outbound mail going to a GreenMail SMTP server of this test JVM that a test
 * may stop and start again: stopping the shared mail server would break every other test class using it.
 * Messages received by earlier runs of the server are kept, so a test counts all that ever arrived.
 */
public class OutageMailServer extends RelaydeskTestResource {

    private static int port;
    private static GreenMail server;
    private static final List<MimeMessage> EARLIER = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new java.util.HashMap<>(super.start());
        port = freePort();
        up();
        config.put("relaydesk.mail.smtp-host", "127.0.0.1");
        config.put("relaydesk.mail.smtp-port", String.valueOf(port));
        return config;
    }

    @Override
    public void stop() {
        down();
        super.stop();
    }

    public static synchronized void up() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
    }

    public static synchronized void down() {
        if (server != null) {
            EARLIER.addAll(List.of(server.getReceivedMessages()));
            server.stop();
            server = null;
        }
    }

    /** The Message-IDs of every message received so far, by this and earlier runs of the server. */
    public static synchronized List<String> receivedMessageIds() {
        List<MimeMessage> all = new ArrayList<>(EARLIER);
        if (server != null) {
            all.addAll(List.of(server.getReceivedMessages()));
        }
        return all.stream().map(OutageMailServer::messageId).toList();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
