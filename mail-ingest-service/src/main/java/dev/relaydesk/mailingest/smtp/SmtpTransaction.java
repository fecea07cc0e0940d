package dev.relaydesk.mailingest.smtp;

import dev.relaydesk.mailingest.inbound.MailAcceptance;
import dev.relaydesk.mailingest.inbound.MailAcceptance.Envelope;
import dev.relaydesk.mailingest.inbound.MailAcceptance.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

/**
 * One SMTP mail transaction. RCPT TO outside our domains is refused; DATA is answered 250 only once the
 * message is committed, and 451 (try again) when it could not be, so the sender keeps it until we have it.
 */
class SmtpTransaction implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(SmtpTransaction.class);

    private final MailAcceptance acceptance;
    private final List<String> acceptedDomains;
    private final int maxMessageSize;
    private final List<String> recipients = new ArrayList<>();
    private String from;

    SmtpTransaction(MailAcceptance acceptance, List<String> acceptedDomains, int maxMessageSize) {
        this.acceptance = acceptance;
        this.acceptedDomains = acceptedDomains;
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public void from(String from) {
        this.from = from;
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        String address = recipient.toLowerCase(Locale.ROOT);
        String domain = address.substring(address.lastIndexOf('@') + 1);
        if (!acceptedDomains.contains(domain)) {
            throw new RejectException(550, "5.1.1 <" + recipient + ">: no such mailbox here");
        }
        recipients.add(address);
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        byte[] raw = upToLimit(data);
        if (raw == null) {
            throw new RejectException(552, "5.3.4 Message size exceeds fixed limit of " + maxMessageSize + " bytes");
        }
        if (new String(raw, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new RejectException(554, "5.6.0 Empty message refused");
        }
        try {
            Outcome outcome = acceptance.accept(raw, new Envelope(from, List.copyOf(recipients), "smtp"));
            return "2.0.0 Stored as " + outcome.messageId();
        } catch (RuntimeException e) {
            LOG.errorf("Could not store an inbound message from %s: %s", from, e.getMessage());
            throw new RejectException(451, "4.3.0 Temporary failure storing the message, try again later");
        }
    }

    /**
     * The message, or null when it is larger than the limit. A sender that did not declare SIZE still sends it all:
     * the excess is read and dropped, so the connection stays in step for the reply and later commands.
     */
    private byte[] upToLimit(InputStream data) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int read; (read = data.read(buffer)) != -1; ) {
            total += read;
            if (total <= maxMessageSize) {
                kept.write(buffer, 0, read);
            }
        }
        return total <= maxMessageSize ? kept.toByteArray() : null;
    }

    @Override
    public void done() {
    }
}
