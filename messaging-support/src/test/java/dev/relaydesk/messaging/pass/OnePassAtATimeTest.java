package dev.relaydesk.messaging.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Work committed while a pass runs is picked up by a further pass, never by two passes at once. */
class OnePassAtATimeTest {

    @Test
    void asksDuringAPassAreFoldedIntoFewMorePassesThatNeverOverlap() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger passes = new AtomicInteger();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        OnePassAtATime runner = new OnePassAtATime("test-pass", () -> {
            if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            if (passes.incrementAndGet() == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            inside.decrementAndGet();
        });
        try {
            runner.wake();
            assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 10; i++) {
                runner.run(); // a scheduler tick while the woken pass runs
                runner.wake();
            }
            releaseFirst.countDown();
            waitUntil(() -> passes.get() >= 2);
            Thread.sleep(300); // the queued wake's pass, and any further one, would show now
            // the ticks fold into one more pass on the running thread, the wakes into one queued pass
            assertTrue(passes.get() <= 3, "ten ticks and ten wakes during a pass made " + passes.get() + " passes");
            assertEquals(0, overlaps.get());
        } finally {
            runner.stop();
        }
    }

    @Test
    void aFailingPassDoesNotStopTheNextOne() {
        AtomicInteger passes = new AtomicInteger();
        OnePassAtATime runner = new OnePassAtATime("test-pass", () -> {
            if (passes.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
        });
        try {
            runner.run();
            runner.run();
            assertEquals(2, passes.get());
        } finally {
            runner.stop();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
