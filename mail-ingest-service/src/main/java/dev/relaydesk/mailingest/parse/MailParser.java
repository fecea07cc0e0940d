package dev.relaydesk.mailingest.parse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.angus.mail.util.MailStreamProvider;

/** Reads a raw RFC 822 message with Angus Mail. */
@ApplicationScoped
public class MailParser {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Angus Mail looks its stream provider up for every body part it builds. Unnamed, that is a ServiceLoader scan
        // each time, which cost far more than the parse itself (bench/mail parses ~200 instead of ~5,500 mails/s per
        // thread); named, it is a plain class lookup. Set before the sessions below are made, as each session resolves
        // it too. Angus is the only provider here, so nothing else changes.
        System.getProperties().putIfAbsent(STREAM_PROVIDER, MailStreamProvider.class.getName());
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Session UTF8_HEADERS_SESSION = Session.getInstance(utf8Headers());

    public ParsedMail parse(byte[] raw, String fallbackMessageId) throws UnparseableMailException {
        try {
            Session session = Lenient.headersAreUtf8(raw) ? UTF8_HEADERS_SESSION : SESSION;
            MimeMessage mime = new MimeMessage(session, new ByteArrayInputStream(raw));
            InternetAddress from = sender(mime);
            List<String> messageIds = messageIds(mime.getHeader("Message-ID", null));
            String messageId = messageIds.isEmpty() ? fallbackMessageId : messageIds.get(0);
            List<String> inReplyTo = messageIds(mime.getHeader("In-Reply-To", " "));
            List<String> references = messageIds(mime.getHeader("References", " "));
            String text = TextExtractor.text(mime);
            boolean reply = !inReplyTo.isEmpty() || !references.isEmpty();
            return new ParsedMail(
                    messageId,
                    inReplyTo,
                    references,
                    from.getAddress().toLowerCase(Locale.ROOT),
                    from.getPersonal(),
                    recipients(mime),
                    decodedSubject(mime),
                    reply ? ReplyText.withoutQuotedHistory(text) : text,
                    headerView(mime),
                    Attachments.of(mime));
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UnparseableMailException("Malformed message: " + e.getMessage(), e);
        }
    }

    /** Raw UTF-8 in headers (RFC 6532, and common practice) is read as UTF-8 rather than ISO-8859-1. */
    private static Properties utf8Headers() {
        Properties props = new Properties();
        props.put("mail.mime.allowutf8", "true");
        return props;
    }

    private static InternetAddress sender(MimeMessage mime) throws MessagingException, UnparseableMailException {
        Address[] from = mime.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
                || address.getAddress() == null || !address.getAddress().contains("@")) {
            throw new UnparseableMailException("No sender address (From) in the message");
        }
        return address;
    }

    private static List<String> recipients(MimeMessage mime) throws MessagingException {
        List<String> recipients = new ArrayList<>();
        for (RecipientType type : List.of(RecipientType.TO, RecipientType.CC)) {
            Address[] addresses = mime.getRecipients(type);
            if (addresses != null) {
                Arrays.stream(addresses)
                        .filter(InternetAddress.class::isInstance)
                        .map(address -> ((InternetAddress) address).getAddress())
                        .filter(address -> address != null)
                        .map(address -> address.toLowerCase(Locale.ROOT))
                        .forEach(recipients::add);
            }
        }
        Stream.of("Delivered-To", "X-Original-To")
                .map(name -> header(mime, name))
                .filter(value -> value != null && value.contains("@"))
                .map(value -> value.strip().toLowerCase(Locale.ROOT))
                .forEach(recipients::add);
        return recipients.stream().distinct().toList();
    }

    private static String decodedSubject(MimeMessage mime) throws MessagingException {
        String subject = mime.getSubject();
        return subject == null ? null : subject.strip();
    }

    static List<String> messageIds(String headerValue) {
        if (headerValue == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher matcher = MESSAGE_ID.matcher(headerValue);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static String header(MimeMessage mime, String name) {
        try {
            String value = mime.getHeader(name, null);
            return value == null ? null : MimeUtility.unfold(value);
        } catch (MessagingException e) {
            return null;
        }
    }

    private static ParsedMail.HeaderView headerView(MimeMessage mime) {
        return new ParsedMail.HeaderView() {
            @Override
            public String first(String name) {
                return header(mime, name);
            }

            @Override
            public java.util.Map<String, String> forRules() {
                return headersForRules(mime);
            }

            @Override
            public String contentType() {
                try {
                    return mime.getContentType();
                } catch (MessagingException e) {
                    return "";
                }
            }
        };
    }

    private static final java.util.Set<String> NOT_FOR_RULES = java.util.Set.of("received", "dkim-signature",
            "authentication-results", "arc-seal", "arc-message-signature", "arc-authentication-results",
            "x-google-dkim-signature", "domainkey-signature", "return-path");
    private static final int MAX_HEADERS_FOR_RULES = 100;
    private static final int MAX_HEADER_VALUE = 998;

    private static java.util.Map<String, String> headersForRules(MimeMessage mime) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        try {
            java.util.Enumeration<jakarta.mail.Header> all = mime.getAllHeaders();
            while (all.hasMoreElements() && headers.size() < MAX_HEADERS_FOR_RULES) {
                jakarta.mail.Header header = all.nextElement();
                String name = header.getName().strip().toLowerCase(Locale.ROOT);
                if (NOT_FOR_RULES.contains(name) || headers.containsKey(name) || header.getValue() == null) {
                    continue;
                }
                String value;
                try {
                    value = MimeUtility.decodeText(MimeUtility.unfold(header.getValue())).strip();
                } catch (UnsupportedEncodingException undecodable) {
                    value = MimeUtility.unfold(header.getValue()).strip();
                }
                headers.put(name, value.length() > MAX_HEADER_VALUE ? value.substring(0, MAX_HEADER_VALUE) : value);
            }
        } catch (MessagingException unreadable) {
            // rules then see no headers; threading by the other evidence still works
        }
        return headers;
    }

    /** Prefers text/plain; falls back to HTML reduced to text. Attachments are skipped. */
    static final class TextExtractor {

        /** The head (title, styles), scripts, styles and comments, which include Outlook's conditional XML. */
        private static final Pattern INVISIBLE = Pattern.compile(
                "(?is)<head\\b.*?</head\\s*>|<(script|style)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->");
        private static final Pattern BLOCK_END = Pattern.compile(
                "(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6]|blockquote|table|pre)\\s*>");
        private static final Pattern TAGS = Pattern.compile("<[^>]+>");

        private TextExtractor() {
        }

        static String text(Part part) throws MessagingException, IOException {
            String plain = first(part, "text/plain");
            if (plain != null) {
                return plain.replace("\r\n", "\n").strip();
            }
            String html = first(part, "text/html");
            return html == null ? "" : htmlToText(html);
        }

        private static String first(Part part, String mimeType) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return null;
            }
            if (part.isMimeType(mimeType)) {
                try {
                    Object content = part.getContent();
                    return content instanceof String text ? unflowed(part, text) : null;
                } catch (UnsupportedEncodingException unknownCharset) {
                    // "unknown-8bit", "x-user-defined", typos: the bytes are still someone's words
                    try (InputStream decoded = part.getInputStream()) {
                        return Lenient.text(decoded.readAllBytes());
                    }
                }
            }
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String found = first(child, mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }

        /** A format=flowed text/plain part (RFC 3676) with its soft line breaks joined again. */
        private static String unflowed(Part part, String text) throws MessagingException {
            if (!part.isMimeType("text/plain")) {
                return text;
            }
            try {
                ContentType type = new ContentType(part.getContentType());
                if (!"flowed".equalsIgnoreCase(type.getParameter("format"))) {
                    return text;
                }
                return Flowed.unflow(text, "yes".equalsIgnoreCase(type.getParameter("delsp")));
            } catch (ParseException unreadableType) {
                return text;
            }
        }

        static String htmlToText(String html) {
            String visible = INVISIBLE.matcher(html).replaceAll("");
            // Line breaks in HTML source are just spaces; the block tags make the lines.
            String lines = BLOCK_END.matcher(visible.replaceAll("\\s+", " ")).replaceAll("\n");
            String text = Entities.decode(TAGS.matcher(lines).replaceAll(""));
            return text.lines().map(String::strip).collect(Collectors.joining("\n"))
                    .replaceAll("\\n{3,}", "\n\n").strip();
        }
    }
}
