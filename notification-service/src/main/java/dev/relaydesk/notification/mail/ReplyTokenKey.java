package dev.relaydesk.notification.mail;

import dev.relaydesk.messaging.mail.ReplyTokens;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The reply tokens of our Reply-To addresses, signed with the key ticket-service checks them with. */
@Dependent
class ReplyTokenKey {

    @Produces
    @Singleton
    ReplyTokens replyTokens(@ConfigProperty(name = ReplyTokens.KEY_PROPERTY) String key) {
        return new ReplyTokens(key);
    }
}
