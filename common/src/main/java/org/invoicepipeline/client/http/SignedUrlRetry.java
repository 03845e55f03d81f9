package org.invoicepipeline.client.http;

import org.invoicepipeline.client.RetryPolicy;
import org.invoicepipeline.client.SignedUrlException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How long a transfer keeps asking for fresh signed URLs while storage refuses them (expired or rejected
 * signature, storage 5xx after the executor's own retries): bounded by time, not by a count of tries, with the
 * client's jittered exponential back-off between fresh URLs. Storage that refuses signatures for a few seconds
 * then costs a few seconds, not the file.
 */
public final class SignedUrlRetry {

    private static final Logger log = LoggerFactory.getLogger(SignedUrlRetry.class);

    private final Duration window;
    private final RetryPolicy backOff;
    private final RequestExecutor.Sleeper sleeper;
    private final LongSupplier nanoTime;

    /**
     * @param window  how long after the first refusal fresh URLs are still asked for
     * @param backOff the shape of the waits between them ({@link RetryPolicy#backoff(int)}); its caps on attempts
     *                and total time do not apply here
     * @param sleeper waits
     * @param nanoTime monotonic time, {@code System::nanoTime}
     */
    public SignedUrlRetry(Duration window, RetryPolicy backOff, RequestExecutor.Sleeper sleeper, LongSupplier nanoTime) {
        this.window = Objects.requireNonNull(window, "window");
        this.backOff = Objects.requireNonNull(backOff, "backOff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** The refusals of one part or one download; start one per transfer. */
    public Refusals start() {
        return new Refusals();
    }

    /** The refusals met by one transfer so far. */
    public final class Refusals {

        private long firstRefusedAt;
        private int count;

        private Refusals() {
        }

        /**
         * Called with each refusal: waits before the caller asks for a fresh URL, or rethrows {@code refused} when
         * it cannot be fixed by one (e.g. 404, the upload is gone) or the window since the first refusal has passed.
         * The last wait is cut to the window's end, so one more URL is always tried once the window has passed.
         */
        public void awaitFreshUrl(SignedUrlException refused) {
            if (!refused.isRetryable()) {
                throw refused;
            }
            long now = nanoTime.getAsLong();
            if (count++ == 0) {
                firstRefusedAt = now;
            }
            long remaining = window.toNanos() - (now - firstRefusedAt);
            if (remaining <= 0) {
                throw refused;
            }
            Duration delay = backOff.backoff(count);
            if (delay.toNanos() > remaining) {
                delay = Duration.ofNanos(remaining);
            }
            log.debug("{} refused ({}), refusal {}; fresh URL in {} ms", refused.operation().operationId(),
                    refused.httpStatus(), count, delay.toMillis());
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                refused.addSuppressed(e);
                throw refused;
            }
        }
    }
}
