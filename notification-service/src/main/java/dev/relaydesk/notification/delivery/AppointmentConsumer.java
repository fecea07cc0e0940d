package dev.relaydesk.notification.delivery;

import dev.relaydesk.events.AppointmentChanged;
import dev.relaydesk.messaging.inbox.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Calls clients booked on the portal become confirmation mails to them, once per booking. */
@ApplicationScoped
public class AppointmentConsumer {

    private final IdempotentConsumer idempotent;
    private final Deliveries deliveries;

    AppointmentConsumer(IdempotentConsumer idempotent, Deliveries deliveries) {
        this.idempotent = idempotent;
        this.deliveries = deliveries;
    }

    @Incoming("appointment-changed-in")
    @Blocking
    public CompletionStage<Void> appointmentChanged(Message<String> message) {
        return idempotent.handle(message, AppointmentChanged.class, "notification.appointment-changed",
                deliveries::onAppointmentChanged);
    }
}
