package dev.relaydesk.notification.sms;

import dev.relaydesk.notification.delivery.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a delivery's SMS, part by part. Each part the provider accepted is counted on the delivery, in the
 * sending transaction: a retry after a failed part sends only the parts still owed, never one twice.
 */
@ApplicationScoped
public class SmsSender {

    private final SmsProvider provider;
    private final SmsConfig config;

    SmsSender(SmsProvider provider, SmsConfig config) {
        this.provider = provider;
        this.config = config;
    }

    /** @return the provider's answers, for the delivery log */
    public String send(Delivery delivery, String text) {
        if (delivery.recipientPhone == null) {
            throw new SmsRefusedException("No SMS sent: the client gave no mobile number for SMS updates");
        }
        if (!PhoneNumbers.isE164(delivery.recipientPhone)) {
            throw new SmsRefusedException("Not an E.164 number: " + delivery.recipientPhone);
        }
        List<String> parts = SmsSegments.fit(text, config.longMessages(), config.maxParts());
        List<String> answers = new ArrayList<>();
        for (int part = delivery.smsPartsSent; part < parts.size(); part++) {
            answers.add(provider.send(delivery.recipientPhone, parts.get(part)));
            delivery.smsPartsSent = part + 1;
        }
        return String.join("; ", answers);
    }
}
