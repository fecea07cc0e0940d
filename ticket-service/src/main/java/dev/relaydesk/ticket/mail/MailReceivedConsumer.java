package dev.relaydesk.ticket.mail;

import dev.relaydesk.events.MailReceived;
import dev.relaydesk.messaging.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

@ApplicationScoped
public class MailReceivedConsumer {

    private final IdempotentConsumer idempotent;
    private final MailIntake intake;

    MailReceivedConsumer(IdempotentConsumer idempotent, MailIntake intake) {
        this.idempotent = idempotent;
        this.intake = intake;
    }

    @Incoming("mail-received-in")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return idempotent.handle(message, MailReceived.class, "ticket-service.mail-intake", intake::accept);
    }
}
