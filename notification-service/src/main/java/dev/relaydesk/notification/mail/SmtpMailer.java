package dev.relaydesk.notification.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sends mail over SMTP with Angus Mail. */
@ApplicationScoped
public class SmtpMailer {

    /** Lets mail-ingest recognize our own mails if they ever come back (a loop). */
    public static final String ORIGIN_HEADER = "X-Relaydesk-Origin";

    private final Session session;

    SmtpMailer(@ConfigProperty(name = "relaydesk.mail.smtp-host") String host,
            @ConfigProperty(name = "relaydesk.mail.smtp-port") int port) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        this.session = Session.getInstance(properties);
    }

    /** Hands one mail to the SMTP server on a connection of its own; returns the server's answer (e.g. "250 OK ..."). */
    public String send(OutgoingMail mail) throws MessagingException {
        try (SmtpConnection connection = connection()) {
            return connection.send(mail);
        }
    }

    /**
     * A connection for several mails in a row (a dispatch pass): one SMTP handshake for all of them instead of one
     * per mail. The caller closes it.
     */
    public SmtpConnection connection() {
        return new SmtpConnection(session);
    }

    static MimeMessage message(Session session, OutgoingMail mail) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, mail.messageId());
        try {
            message.setFrom(new InternetAddress(mail.fromAddress(), singleLine(mail.fromName()), "UTF-8"));
            message.setRecipient(RecipientType.TO, new InternetAddress(mail.toAddress(), singleLine(mail.toName()), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        if (mail.replyTo() != null) {
            message.setReplyTo(new InternetAddress[] {new InternetAddress(mail.replyTo())});
        }
        message.setSubject(singleLine(mail.subject()), StandardCharsets.UTF_8.name());
        message.setContent(alternatives(mail));
        if (!mail.inReplyTo().isEmpty()) {
            String ids = mail.inReplyTo().stream().map(id -> "<" + singleLine(id) + ">").collect(Collectors.joining(" "));
            message.setHeader("In-Reply-To", ids);
            message.setHeader("References", ids);
        }
        if (mail.autoSubmitted().headerValue() != null) {
            message.setHeader("Auto-Submitted", mail.autoSubmitted().headerValue());
        }
        message.setHeader(ORIGIN_HEADER, "notification-service");
        message.saveChanges();
        return message;
    }

    /** Plain text first, HTML last: mail clients show the last part they can display. */
    private static MimeMultipart alternatives(OutgoingMail mail) throws MessagingException {
        MimeMultipart alternatives = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.textBody(), StandardCharsets.UTF_8.name());
        alternatives.addBodyPart(text);
        if (mail.htmlBody() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.htmlBody(), StandardCharsets.UTF_8.name(), "html");
            alternatives.addBodyPart(html);
        }
        return alternatives;
    }

    /** User content never reaches a header with a line break in it (no header injection). */
    static String singleLine(String value) {
        return value == null ? null : value.replaceAll("[\\r\\n]+", " ").strip();
    }

    /** Keeps the Message-ID we chose, which Angus Mail would otherwise replace on send. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + ">");
        }
    }
}
