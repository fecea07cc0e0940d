package dev.relaydesk.notification.mail;

import java.util.List;

/**
 * A mail ready to send. {@code automatic} marks mails no person wrote (RFC 3834 Auto-Submitted), so other
 * robots never answer them.
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
        List<String> inReplyTo,
        boolean automatic) {
}
