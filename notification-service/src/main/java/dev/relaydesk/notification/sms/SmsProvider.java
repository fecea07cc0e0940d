package dev.relaydesk.notification.sms;

/** Hands one SMS (of at most one segment) to a provider. */
public interface SmsProvider {

    /**
     * @return the provider's answer, for the delivery log
     * @throws SmsUnavailableException when the provider could not take it now (worth retrying)
     * @throws SmsRefusedException when the provider refused it for good
     */
    String send(String to, String text);
}
