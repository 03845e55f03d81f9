package org.invoicepipeline.local.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C as the run sees it: the first request asks the run to stop registering and finish within its grace
 * period; the second one ends the process at once ({@code onSecond}). {@link #install} wires SIGINT to it; tests
 * call {@link #request} themselves.
 */
public final class StopRequest {

    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch first = new CountDownLatch(1);
    private final Runnable onFirst;
    private final Runnable onSecond;

    /**
     * @param onFirst  what to say when the first request arrives (runs on the signalling thread)
     * @param onSecond what to do on the second one, e.g. {@code Runtime.halt(130)}
     */
    public StopRequest(Runnable onFirst, Runnable onSecond) {
        this.onFirst = onFirst;
        this.onSecond = onSecond;
    }

    /** A request nobody signals (tests, embedding). */
    public static StopRequest never() {
        return new StopRequest(() -> { }, () -> { });
    }

    /** Routes SIGINT (Ctrl-C) to {@link #request}; false when this JVM does not let us handle it. */
    public boolean install() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> request());
            return true;
        }
        catch (IllegalArgumentException | UnsupportedOperationException | LinkageError notAvailable) {
            return false;
        }
    }

    public void request() {
        int n = requests.incrementAndGet();
        if (n == 1) {
            onFirst.run();
            first.countDown();
        }
        else if (n == 2) {
            onSecond.run();
        }
    }

    public boolean requested() {
        return requests.get() > 0;
    }

    /** Waits up to {@code millis} for the first request; true when it came. */
    public boolean await(long millis) throws InterruptedException {
        return first.await(millis, TimeUnit.MILLISECONDS);
    }
}
