package dev.relaydesk.notification.mail;

import java.util.List;

/**
 * A mail ready to send, with a plain-text and an HTML part. {@code autoSubmitted} marks mails no person wrote (RFC 3834), so other robots never
 * answer them. {@code replyTo} is null for a mail that expects no answer (a one-time code).
 */
public record OutgoingMail(
        String messageId,
        String fromAddress,
        String fromName,
        String replyTo,
        String toAddress,
        String toName,
        String subject,
        String textBody,
        String htmlBody,
        List<String> inReplyTo,
        AutoSubmitted autoSubmitted) {

    /** RFC 3834 Auto-Submitted values. */
    public enum AutoSubmitted {
        /** A person wrote it: no header. */
        NO(null),
        /** An automatic response to a mail (the new-ticket confirmation). */
        AUTO_REPLIED("auto-replied"),
        /** Automatic, not a response to any mail (closing notices, rules). */
        AUTO_GENERATED("auto-generated");

        private final String headerValue;

        AutoSubmitted(String headerValue) {
            this.headerValue = headerValue;
        }

        public String headerValue() {
            return headerValue;
        }
    }
}
