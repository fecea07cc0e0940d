package dev.relaydesk.notification.sms;

import org.jboss.logging.Logger;

/** The local stack's provider: every SMS is written to the log and counts as sent. */
class LogSmsProvider implements SmsProvider {

    private static final Logger LOG = Logger.getLogger(LogSmsProvider.class);

    @Override
    public String send(String to, String text) {
        LOG.infof("SMS to %s (not sent, provider=log): %s", to, text);
        return "logged (provider=log)";
    }
}
