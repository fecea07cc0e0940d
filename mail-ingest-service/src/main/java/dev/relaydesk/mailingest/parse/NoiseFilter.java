package dev.relaydesk.mailingest.parse;

import dev.relaydesk.mailingest.MailIngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recognizes mail that must never open a ticket: auto-replies, bounces and list traffic (RFC 3834 and the
 * de-facto headers of common servers), and mail that comes from our own addresses (a loop).
 */
@ApplicationScoped
public class NoiseFilter {

    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");
    private static final Set<String> DAEMON_SENDERS = Set.of("mailer-daemon", "postmaster");
    /** Set by notification-service on every mail it sends. */
    public static final String ORIGIN_HEADER = "X-Relaydesk-Origin";

    private final Set<String> ownAddresses;

    NoiseFilter(MailIngestConfig config) {
        this.ownAddresses = config.ownAddresses().orElse(List.of()).stream()
                .map(address -> address.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The reason to ignore the mail, or empty if it is a person writing to us. */
    public Optional<String> reasonToIgnore(ParsedMail mail, String envelopeFrom) {
        ParsedMail.HeaderView headers = mail.headers();
        String autoSubmitted = headers.first("Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no")) {
            return Optional.of("auto-submitted: " + autoSubmitted.strip());
        }
        if (headers.first("X-Autoreply") != null || headers.first("X-Autorespond") != null) {
            return Optional.of("auto-reply header");
        }
        String suppress = headers.first("X-Auto-Response-Suppress");
        if (suppress != null && suppress.toLowerCase(Locale.ROOT).matches(".*\\b(all|oof|autoreply)\\b.*")) {
            return Optional.of("auto-response suppressed by sender: " + suppress.strip());
        }
        String precedence = headers.first("Precedence");
        if (precedence != null && BULK_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("precedence: " + precedence.strip());
        }
        if (headers.first("List-Id") != null) {
            return Optional.of("mailing-list mail");
        }
        // Newsletters and marketing tools carry an unsubscribe link (RFC 2369/8058) even without a List-Id;
        // a person writing to support does not.
        if (headers.first("List-Unsubscribe") != null) {
            return Optional.of("bulk mail: List-Unsubscribe");
        }
        if (envelopeFrom != null && (envelopeFrom.isBlank() || envelopeFrom.equals("<>"))) {
            return Optional.of("bounce: empty return path");
        }
        if (headers.contentType().toLowerCase(Locale.ROOT).startsWith("multipart/report")) {
            return Optional.of("bounce: delivery status report");
        }
        String localPart = mail.fromAddress().substring(0, mail.fromAddress().indexOf('@'));
        if (DAEMON_SENDERS.contains(localPart)) {
            return Optional.of("bounce: sent by " + localPart);
        }
        if (headers.first(ORIGIN_HEADER) != null) {
            return Optional.of("loop: a mail the platform itself sent");
        }
        if (ownAddresses.contains(mail.fromAddress())) {
            return Optional.of("loop: sent from the platform's own address " + mail.fromAddress());
        }
        return Optional.empty();
    }
}
