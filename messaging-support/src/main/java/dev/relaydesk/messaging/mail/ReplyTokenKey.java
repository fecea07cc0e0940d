package dev.relaydesk.messaging.mail;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link ReplyTokens} for the services that use them (notification-service signs, ticket-service checks), with
 * their shared key. Services that never inject it need no key: Quarkus drops unused producers.
 */
@Dependent
class ReplyTokenKey {

    @Produces
    @Singleton
    ReplyTokens replyTokens(@ConfigProperty(name = ReplyTokens.KEY_PROPERTY) String key) {
        return new ReplyTokens(key);
    }
}
