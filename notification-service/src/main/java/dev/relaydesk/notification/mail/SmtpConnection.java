package dev.relaydesk.notification.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jboss.logging.Logger;

/**
 * One SMTP connection that several mails go out on, one after another: connected by the first mail, dropped after any
 * failure (the next mail connects afresh, so a refused mail or a broken connection never spoils the mails after it),
 * closed by its owner. Not thread-safe: one dispatch pass uses it.
 */
public final class SmtpConnection implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SmtpConnection.class);

    private final Session session;
    private Transport transport;

    SmtpConnection(Session session) {
        this.session = session;
    }

    /** Hands the mail to the SMTP server; returns the server's answer (e.g. "250 OK ..."), for the delivery log. */
    public String send(OutgoingMail mail) throws MessagingException {
        MimeMessage message = SmtpMailer.message(session, mail);
        Transport connected = connected();
        try {
            connected.sendMessage(message, message.getAllRecipients());
            return connected instanceof SMTPTransport smtp ? smtp.getLastServerResponse().strip() : "accepted";
        } catch (SendFailedException e) {
            disconnect();
            throw withServerAnswer(e);
        } catch (MessagingException | RuntimeException e) {
            disconnect();
            throw e;
        }
    }

    /** "Invalid Addresses" alone tells an operator little: the delivery log keeps what the server answered (550 ...). */
    private static SendFailedException withServerAnswer(SendFailedException e) {
        Exception answer = e.getNextException();
        if (answer == null || answer.getMessage() == null) {
            return e;
        }
        return new SendFailedException(e.getMessage() + ": " + answer.getMessage().strip(), answer,
                e.getValidSentAddresses(), e.getValidUnsentAddresses(), e.getInvalidAddresses());
    }

    private Transport connected() throws MessagingException {
        if (transport == null) {
            Transport fresh = session.getTransport("smtp");
            fresh.connect();
            transport = fresh;
        }
        return transport;
    }

    private void disconnect() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException e) {
                LOG.debugf("Closing the SMTP connection failed: %s", e.getMessage());
            }
            transport = null;
        }
    }

    @Override
    public void close() {
        disconnect();
    }
}
