package dev.relaydesk.mailingest.parse;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a delivery status notification (RFC 3464, {@code multipart/report; report-type=delivery-status}): which
 * recipients failed for good, with what status, and which of our mails it was (the Message-ID in the returned
 * message or headers). A report that cannot be read yields no failures: it is then only ignored, as before.
 */
public final class DeliveryReport {

    /** @param originalMessageId without angle brackets, or null when the report did not return the mail */
    public record Failure(String address, String status, String diagnostic, String originalMessageId) {
    }

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final int MAX_DIAGNOSTIC = 500;
    private static final int MAX_FAILURES = 50;

    private DeliveryReport() {
    }

    public static List<Failure> failuresIn(byte[] raw) {
        try {
            MimeMessage report = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            if (!report.isMimeType("multipart/report") || !(report.getContent() instanceof Multipart parts)) {
                return List.of();
            }
            String statusText = null;
            String originalMessageId = null;
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("message/delivery-status")) {
                    statusText = text(part);
                } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
                    originalMessageId = messageIdOf(part);
                }
            }
            return statusText == null ? List.of() : failures(statusText, originalMessageId);
        } catch (MessagingException | IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<Failure> failures(String statusText, String originalMessageId) {
        List<Failure> failures = new ArrayList<>();
        String[] blocks = statusText.replace("\r\n", "\n").split("\n\\s*\n");
        // the first block is about the whole message (Reporting-MTA); each further one about one recipient
        for (int i = 1; i < blocks.length && failures.size() < MAX_FAILURES; i++) {
            Map<String, String> fields = fields(blocks[i]);
            String action = fields.getOrDefault("action", "").strip().toLowerCase(Locale.ROOT);
            String status = fields.getOrDefault("status", "").strip();
            boolean failed = action.equals("failed") || (action.isEmpty() && status.startsWith("5"));
            String recipient = address(fields.getOrDefault("final-recipient", fields.get("original-recipient")));
            if (failed && recipient != null) {
                String diagnostic = fields.get("diagnostic-code");
                failures.add(new Failure(recipient, status.isEmpty() ? null : status,
                        diagnostic == null ? null : bounded(diagnostic.strip()), originalMessageId));
            }
        }
        return failures;
    }

    /** Header-style fields of one block, folded lines joined, names in lower case. */
    private static Map<String, String> fields(String block) {
        Map<String, String> fields = new HashMap<>();
        String name = null;
        for (String line : block.split("\n")) {
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && name != null) {
                fields.merge(name, " " + line.strip(), String::concat);
            } else if (line.indexOf(':') > 0) {
                name = line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT);
                fields.put(name, line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return fields;
    }

    /** {@code rfc822; Jane@Example.com} becomes {@code jane@example.com}. */
    private static String address(String typed) {
        if (typed == null) {
            return null;
        }
        String address = typed.contains(";") ? typed.substring(typed.indexOf(';') + 1) : typed;
        address = address.strip().replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
        return address.matches("[^@\\s]+@[^@\\s]+") ? address : null;
    }

    private static String messageIdOf(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            String id = new InternetHeaders(in).getHeader("Message-ID", null);
            return id == null ? null : id.strip().replaceAll("^<|>$", "");
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
    }

    private static String bounded(String text) {
        return text.length() <= MAX_DIAGNOSTIC ? text : text.substring(0, MAX_DIAGNOSTIC);
    }
}
