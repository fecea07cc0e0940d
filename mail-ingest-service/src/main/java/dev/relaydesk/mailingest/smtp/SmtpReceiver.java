package dev.relaydesk.mailingest.smtp;

import dev.relaydesk.mailingest.MailIngestConfig;
import dev.relaydesk.mailingest.inbound.MailAcceptance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jboss.logging.Logger;
import org.subethamail.smtp.server.SMTPServer;

/** The SMTP endpoint that an MX or a relay delivers our domains' mail to. */
@ApplicationScoped
public class SmtpReceiver {

    private static final Logger LOG = Logger.getLogger(SmtpReceiver.class);

    private final MailIngestConfig config;
    private final MailAcceptance acceptance;
    private SMTPServer server;

    SmtpReceiver(MailIngestConfig config, MailAcceptance acceptance) {
        this.config = config;
        this.acceptance = acceptance;
    }

    void start(@Observes StartupEvent startup) throws UnknownHostException {
        server = SMTPServer.port(config.smtp().port())
                .bindAddress(InetAddress.getByName(config.smtp().bindAddress()))
                .hostName(config.acceptedDomains().get(0))
                .softwareName("Relay Desk mail-ingest")
                .maxMessageSize(config.smtp().maxMessageSize())
                .maxRecipients(100)
                // Stored bytes are exactly what the sender sent: a resend hashes the same, an empty DATA stays empty.
                .insertReceivedHeaders(false)
                .messageHandlerFactory(context -> new SmtpTransaction(acceptance, config.acceptedDomains(),
                        config.smtp().maxMessageSize()))
                .build();
        server.start();
        LOG.infof("SMTP receiver listening on %s:%d", config.smtp().bindAddress(), port());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (server != null) {
            server.stop();
        }
    }

    /** The port actually bound (differs from the configured one when that is 0). */
    public int port() {
        return server.getPortAllocated();
    }
}
