package dev.relaydesk.messaging.retry;

import java.time.Duration;

/** How long a failed delivery waits before its next attempt: doubling, with a ceiling. */
public final class Backoff {

    private Backoff() {
    }

    /** {@code first} doubled {@code doublings} times (none when zero or less), at most {@code max}. */
    public static Duration exponential(Duration first, Duration max, int doublings) {
        Duration delay = first.multipliedBy(1L << Math.min(Math.max(doublings, 0), 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
