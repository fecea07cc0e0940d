package dev.relaydesk.ticket.mail;

import dev.relaydesk.messaging.mail.ReplyTokens;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Checks the reply tokens notification-service signed into its Reply-To addresses, with the same key. */
@Dependent
class ReplyTokenKey {

    @Produces
    @Singleton
    ReplyTokens replyTokens(@ConfigProperty(name = ReplyTokens.KEY_PROPERTY) String key) {
        return new ReplyTokens(key);
    }
}
