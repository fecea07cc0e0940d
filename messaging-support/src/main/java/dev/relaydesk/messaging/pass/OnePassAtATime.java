package dev.relaydesk.messaging.pass;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * A pass over work that piles up (outbox rows, due deliveries), run by a schedule and woken after commits: one pass
 * at a time per JVM, and a pass asked for while one runs makes one more pass after it, so nothing committed meanwhile
 * waits for the next tick. A failing pass is logged and left to the next tick or wake.
 */
public final class OnePassAtATime {

    private static final Logger LOG = Logger.getLogger(OnePassAtATime.class);

    private final String name;
    private final Runnable pass;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final ExecutorService waker;

    /**
     * @param name the pass's thread name ("outbox-relay"), also in its log lines
     * @param pass one pass; it loops itself while it finds full batches
     */
    public OnePassAtATime(String name, Runnable pass) {
        this.name = name;
        this.pass = pass;
        this.waker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs a pass soon, on this pass's own thread; many wakes while it is busy make one more pass. */
    public void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            waker.execute(() -> {
                wakeQueued.set(false);
                run();
            });
        }
    }

    /** Runs a pass on the caller's thread (a scheduler tick), or asks the running one for one more pass. */
    public void run() {
        if (!running.tryLock()) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                pass.run();
            } while (again.get());
        } catch (RuntimeException e) {
            LOG.warnf("%s pass failed, will retry: %s", name, e.getMessage());
        } finally {
            running.unlock();
        }
    }

    /** Stops the wake thread (the application is shutting down). */
    public void stop() {
        waker.shutdownNow();
    }
}
