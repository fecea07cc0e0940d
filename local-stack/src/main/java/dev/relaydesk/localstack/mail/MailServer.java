package dev.relaydesk.localstack.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.relaydesk.localstack.StartupException;

/**
 * GreenMail SMTP + IMAP in this JVM, on 127.0.0.1. Authentication is disabled: every recipient gets a
 * mailbox on first delivery, and IMAP accepts any login, so a test reads {@code bob@relaydesk.test}'s
 * mail by logging in with that address as user and password.
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static MailServer start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail.stop();
            throw new StartupException("mail server (GreenMail)", null, e.getMessage(), e);
        }
        return new MailServer(greenMail);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
