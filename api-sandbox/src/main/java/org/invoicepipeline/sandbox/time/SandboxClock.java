package org.invoicepipeline.sandbox.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's notion of "now": wall-clock time plus an offset that tests can advance, so that
 * URL expiry, output retention and question deadlines can be observed without waiting for them.
 */
public final class SandboxClock {

    private final AtomicLong offsetMillis = new AtomicLong();

    public Instant now() {
        return Instant.now().plusMillis(offsetMillis.get());
    }

    public long nowMillis() {
        return System.currentTimeMillis() + offsetMillis.get();
    }

    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("The sandbox clock only moves forward");
        }
        offsetMillis.addAndGet(amount.toMillis());
    }

    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }
}
