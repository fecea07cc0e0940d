package dev.relaydesk.testsupport;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;

/** Sends mail to an SMTP server (the test mail server, or mail-ingest-service's receiver). */
public final class Smtp {

    private Smtp() {
    }

    /** Sends to the message's recipients (To, Cc, Bcc); the envelope sender is its From. */
    public static void send(String host, int port, MimeMessage message) {
        try (Transport transport = session(host, port).getTransport("smtp")) {
            transport.connect();
            String messageId = message.getMessageID();
            message.saveChanges(); // fills in MIME headers, but also replaces the Message-ID...
            if (messageId != null) {
                message.setHeader("Message-ID", messageId); // ...which threading tests set on purpose
            }
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException("SMTP to " + host + ":" + port + " failed: " + e.getMessage(), e);
        }
    }

    /** Sends raw RFC 822 bytes as they are (headers untouched, line endings made CRLF on the wire). */
    public static void send(String host, int port, byte[] rawMessage) {
        try {
            MimeMessage message = new MimeMessage(session(host, port), new ByteArrayInputStream(rawMessage));
            try (Transport transport = message.getSession().getTransport("smtp")) {
                transport.connect();
                transport.sendMessage(message, message.getAllRecipients()); // no saveChanges: keep the bytes
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("SMTP to " + host + ":" + port + " failed: " + e.getMessage(), e);
        }
    }

    /** A plain text message, ready for {@link #send(String, int, MimeMessage)}. */
    public static MimeMessage message(String from, String to, String subject, String text) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            return message;
        } catch (MessagingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Session session(String host, int port) {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "30000");
        return Session.getInstance(props);
    }
}
