package dev.relaydesk.notification.delivery;

import dev.relaydesk.messaging.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A queued delivery goes out as soon as its transaction commits, not at the dispatcher's next tick (the scheduler
 * ticks once a second at best); the tick only catches what a wake missed.
 */
@ApplicationScoped
public class DispatchSoon {

    private static final Object WAKE_REGISTERED = new Object();

    private final AfterCommit afterCommit;
    private final DeliveryDispatcher dispatcher;

    DispatchSoon(AfterCommit afterCommit, DeliveryDispatcher dispatcher) {
        this.afterCommit = afterCommit;
        this.dispatcher = dispatcher;
    }

    /** Call in the transaction that queues a delivery. */
    public void afterCommit() {
        afterCommit.runOnce(WAKE_REGISTERED, dispatcher::wake);
    }
}
