package org.invoicepipeline.common.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** When something happened lately (the last {@code capacity} times), to count occurrences within a window. */
public final class RecentEvents {

    private final Clock clock;
    private final int capacity;
    private final Deque<Instant> times = new ArrayDeque<>();

    public RecentEvents(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    public synchronized void record() {
        times.addLast(clock.instant());
        while (times.size() > capacity) {
            times.removeFirst();
        }
    }

    public synchronized int countWithin(Duration window) {
        Instant since = clock.instant().minus(window);
        return (int) times.stream().filter(at -> !at.isBefore(since)).count();
    }
}
