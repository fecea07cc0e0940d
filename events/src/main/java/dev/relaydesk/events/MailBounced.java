package dev.relaydesk.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery status report (bounce) said that mail to one address failed for good. mail-ingest publishes one per
 * failed recipient of a report it received; ticket-service marks the address as failing and tells the agents of
 * the ticket the bounced mail was about.
 *
 * @param mailId            the report as mail-ingest stored it
 * @param failedAddress     the address mail could not be delivered to (Final-Recipient), lower case
 * @param status            the enhanced status code, e.g. {@code 5.1.1}
 * @param diagnostic        the receiving server's words (Diagnostic-Code), or null
 * @param originalMessageId the Message-ID of the mail that bounced, without angle brackets, or null when the
 *                          report did not include it
 */
public record MailBounced(
        UUID mailId,
        String failedAddress,
        String status,
        String diagnostic,
        String originalMessageId,
        Instant receivedAt) implements RelaydeskEvent {

    @Override
    public String key() {
        return failedAddress;
    }
}
