package dev.relaydesk.ticket.mail;

import dev.relaydesk.events.MailReceived;
import dev.relaydesk.messaging.inbox.IdempotentBatchConsumer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Inbound mails, a poll's worth at a time (the channel is in batch mode): a burst of mail costs one commit per
 * group instead of one per mail, each mail still claimed once by its event id.
 */
@ApplicationScoped
public class MailReceivedConsumer {

    private final IdempotentBatchConsumer idempotent;
    private final MailIntake intake;

    MailReceivedConsumer(IdempotentBatchConsumer idempotent, MailIntake intake) {
        this.idempotent = idempotent;
        this.intake = intake;
    }

    @Incoming("mail-received-in")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> mails) {
        return idempotent.handle(mails, MailReceived.class, "ticket-service.mail-intake", intake::accept);
    }
}
