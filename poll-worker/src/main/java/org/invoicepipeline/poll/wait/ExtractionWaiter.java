package org.invoicepipeline.poll.wait;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.InvoiceExtractionException;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.common.kafka.FailureClassifier;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.poll.failure.CreditsCheck;
import org.invoicepipeline.poll.inflight.InFlightOffsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Waits for many extractions at once, off the consumer thread: each one is a task on a small pool that long-polls
 * {@code getExtraction} (the server holds the call until the status changes or the wait elapses), asks the
 * {@link PollPolicy} what to do about the answer, and does it ({@link ExtractionOutcomes}): back in the queue, or
 * ended. An ended extraction's record is committed only up to the lowest record still in flight
 * ({@link InFlightOffsets}), so a restart re-waits exactly the unfinished ones.
 */
public final class ExtractionWaiter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExtractionWaiter.class);

    private final InvoiceExtractionClient client;
    private final Duration longPollWait;
    private final InFlightOffsets offsets;
    private final PollPolicy policy;
    private final ExtractionOutcomes outcomes;
    private final CreditsCheck credits;
    private final PollMetrics metrics;
    private final Runnable afterRelease;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor pool;
    private final Map<String, ExtractionWatch> watching = new ConcurrentHashMap<>();

    /**
     * @param longPollWait  how long each {@code getExtraction} asks the API to hold the call
     * @param waiterThreads threads holding long-polls
     * @param afterRelease  run after an extraction ended (resumes a paused intake)
     */
    public ExtractionWaiter(InvoiceExtractionClient client, Duration longPollWait, int waiterThreads,
                            InFlightOffsets offsets, PollPolicy policy, ExtractionOutcomes outcomes,
                            CreditsCheck credits, PollMetrics metrics, Runnable afterRelease, Clock clock) {
        this.client = client;
        this.longPollWait = longPollWait;
        this.offsets = offsets;
        this.policy = policy;
        this.outcomes = outcomes;
        this.credits = credits;
        this.metrics = metrics;
        this.afterRelease = afterRelease;
        this.clock = clock;
        this.pool = new ScheduledThreadPoolExecutor(waiterThreads, runnable -> {
            Thread thread = new Thread(runnable, "extraction-waiter");
            thread.setDaemon(true);
            return thread;
        });
        this.pool.setRemoveOnCancelPolicy(true);
    }

    /**
     * Starts waiting for the extraction a record announces. A second record for an extraction already being
     * waited for (a replay, a duplicated resubmission) rides along and is committed with it. A record already done
     * with before a restart (recorded in the commit's metadata) is skipped: its outcome was published.
     */
    public void watch(ConsumerRecord<String, ExtractionSubmitted> record) {
        ExtractionWatch watch = new ExtractionWatch(record);
        if (!offsets.begin(watch.position().partition(), watch.position().offset())) {
            metrics.skipped();
            log.debug("{}-{}@{} (extraction {}) finished before the restart; skipped", record.topic(),
                    record.partition(), record.offset(), watch.extractionId());
            return;
        }
        while (true) {
            ExtractionWatch existing = watching.putIfAbsent(watch.extractionId(), watch);
            if (existing == null) {
                schedule(watch, Duration.ZERO);
                return;
            }
            if (existing.addDuplicate(record)) {
                return;
            }
            // The existing watch is finishing right now: take its place and wait for the extraction anew.
            watching.remove(watch.extractionId(), existing);
        }
    }

    private void schedule(ExtractionWatch watch, Duration delay) {
        if (!pool.isShutdown()) {
            pool.schedule(() -> check(watch), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void check(ExtractionWatch watch) {
        ExtractionWatch.RecordPosition position = watch.position();
        if (!offsets.isInFlight(position.partition(), position.offset())) {
            // The partition was revoked: its new owner waits for this extraction now.
            watching.remove(watch.extractionId(), watch);
            return;
        }
        try {
            if (watch.pendingResubmission() != null) {
                carryOut(watch, policy.onHeldResubmission(watch.holdsForCredits(),
                        () -> credits.covers(watch.event().getFiles().size())));
                return;
            }
            long started = System.nanoTime();
            ExtractionStatus status = client.getExtraction(watch.extractionId(), longPollWait);
            watch.succeededCall();
            carryOut(watch, policy.onStatus(status, watch.event(), Duration.ofNanos(System.nanoTime() - started),
                    clock.instant()));
        }
        catch (InvoiceExtractionException e) {
            if (stopping(e)) {
                // Shutting down: leave the record uncommitted; it is waited for again after the restart.
                return;
            }
            String code = FailureClassifier.classify(e).code();
            metrics.statusCallFailed(code);
            int failures = watch.failedCall();
            PollStep step = policy.onCallFailure(e, failures);
            if (step instanceof PollStep.CheckAgain) {
                log.warn("Status of extraction {} unavailable ({} in a row): {}", watch.extractionId(), failures,
                        code);
            }
            carryOut(watch, step);
        }
        catch (RuntimeException e) {
            if (stopping(e)) {
                return;
            }
            // Publishing failed (broker unavailable) or something unexpected: keep the record in flight, try later.
            log.warn("Checking extraction {} failed; retrying: {}", watch.extractionId(), e.toString());
            schedule(watch, policy.backoff(watch.failedCall(), null));
        }
    }

    /** Does what the policy decided; a step that publishes ends the watch only once the broker acknowledged it. */
    private void carryOut(ExtractionWatch watch, PollStep step) {
        if (step instanceof PollStep.CheckAgain again) {
            schedule(watch, again.delay());
        }
        else if (step instanceof PollStep.Publish publish) {
            end(watch, outcomes.publish(watch, publish.status()));
        }
        else if (step instanceof PollStep.Fail fail) {
            outcomes.fail(watch, fail.error());
            end(watch, "failed");
        }
        else if (step instanceof PollStep.FailAndDeadLetter deadLetter) {
            outcomes.failAndDeadLetter(watch, deadLetter);
            end(watch, "failed");
        }
        else if (step instanceof PollStep.ResubmitAfter resubmit) {
            log.info("Extraction {} (attempt {}) failed with {}; resubmitting", watch.extractionId(),
                    watch.event().getAttempt(), resubmit.failure().code());
            watch.pendingResubmission(resubmit.failure(), false);
            schedule(watch, resubmit.delay());
        }
        else if (step instanceof PollStep.HoldForCredits hold) {
            log.warn("Extraction {} (attempt {}) failed with {}; holding its files until the credits allow a "
                    + "resubmission", watch.extractionId(), watch.event().getAttempt(), hold.failure().code());
            watch.pendingResubmission(hold.failure(), true);
            schedule(watch, Duration.ZERO);
        }
        else if (step instanceof PollStep.ResubmitNow) {
            outcomes.resubmit(watch, watch.pendingResubmission());
            finish(watch);
        }
        else if (step instanceof PollStep.ResubmitWithout without) {
            outcomes.resubmitWithout(watch, without);
            end(watch, "failed");
        }
        else if (step instanceof PollStep.Ask ask) {
            carryOut(watch, policy.afterAnswers(outcomes.ask(watch, ask.status()), watch.event(), clock.instant()));
        }
        else if (step instanceof PollStep.CancelAtDeadline cancel) {
            if (outcomes.cancelAtDeadline(watch, cancel.statusName())) {
                end(watch, "failed");
            }
            else {
                schedule(watch, Duration.ZERO);
            }
        }
        else {
            throw new IllegalStateException("Unknown step " + step);
        }
    }

    /** True when the failure comes from this waiter being closed (its threads are interrupted). */
    private boolean stopping(Throwable e) {
        if (pool.isShutdown() || Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
                    || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    /** The outcome was published: count it, then commit. */
    private void end(ExtractionWatch watch, String status) {
        metrics.ended(status);
        finish(watch);
    }

    private void finish(ExtractionWatch watch) {
        List<ExtractionWatch.RecordPosition> duplicates = watch.finishAndTakeDuplicates();
        watching.remove(watch.extractionId(), watch);
        acknowledge(watch.position());
        duplicates.forEach(this::acknowledge);
        afterRelease.run();
    }

    private void acknowledge(ExtractionWatch.RecordPosition position) {
        offsets.finish(position.partition(), position.offset());
    }

    /** Stops waiting; unfinished extractions are not committed and are waited for again after a restart. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watching.clear();
    }
}
