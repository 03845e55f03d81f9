package org.invoicepipeline.poll.wait;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.client.ApiErrorCode;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.AuthenticationException;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.InvoiceExtractionException;
import org.invoicepipeline.client.model.Answer;
import org.invoicepipeline.client.model.ApiError;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.client.model.Question;
import org.invoicepipeline.common.kafka.FailureClassifier;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.events.ErrorInfo;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.poll.config.PollWorkerProperties;
import org.invoicepipeline.poll.failure.CreditsCheck;
import org.invoicepipeline.poll.failure.ExtractionDeadline;
import org.invoicepipeline.poll.failure.FailedExtractionDecision;
import org.invoicepipeline.poll.failure.FailedExtractionPolicy;
import org.invoicepipeline.poll.inflight.InFlightOffsets;
import org.invoicepipeline.poll.outcome.CompletedEvents;
import org.invoicepipeline.poll.outcome.OutcomePublisher;
import org.invoicepipeline.poll.outcome.Resubmitter;
import org.invoicepipeline.poll.questions.AnswerPolicy;
import org.invoicepipeline.poll.questions.QuestionEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Waits for many extractions at once, off the consumer thread: each one is a task on a small pool that long-polls
 * {@code getExtraction} (the server holds the call until the status changes or the wait elapses), then either
 * goes back in the queue or ends. An ended extraction's record is committed only up to the lowest record still in
 * flight ({@link InFlightOffsets}), so a restart re-waits exactly the unfinished ones.
 *
 * <ul>
 *   <li>completed / cancelled: ExtractionCompleted is published;</li>
 *   <li>failed: what happens is {@link FailedExtractionPolicy}'s decision: the files a failure names fail alone
 *       while the others are resubmitted at once; a retryable failure resubmits the same files under the next
 *       attempt's submission id (after a delay), the new attempt published to the input topic, and when attempts
 *       run out, a FAILED ExtractionCompleted (so every file gets a failed result) and a dead letter;
 *       {@code INSUFFICIENT_CREDITS} holds until the credits allow a resubmission; otherwise every file fails;</li>
 *   <li>input_required: the questions are published, answered with the recommendations when the profile says
 *       so, and the extraction is checked again later;</li>
 *   <li>still processing or input_required past {@link ExtractionDeadline}: cancelled, its files FAILED.</li>
 * </ul>
 */
public final class ExtractionWaiter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExtractionWaiter.class);

    /** A "processing" answer faster than this did not hold the call as asked. */
    private static final Duration EARLY_ANSWER = Duration.ofMillis(500);

    /** Pause after such an answer; the API asks for 5 s between calls that do not wait. */
    private static final Duration EARLY_ANSWER_PAUSE = Duration.ofSeconds(5);

    /** Pipeline code of a record dead-lettered because its retryable failures outlasted the attempts. */
    public static final String ATTEMPTS_EXHAUSTED = "SUBMISSION_ATTEMPTS_EXHAUSTED";

    private final InvoiceExtractionClient client;
    private final InFlightOffsets offsets;
    private final OutcomePublisher publisher;
    private final Resubmitter resubmitter;
    private final CompletedEvents events;
    private final QuestionEvents questionEvents;
    private final AnswerPolicy answerPolicy;
    private final PollMetrics metrics;
    private final Runnable afterRelease;
    private final PollWorkerProperties properties;
    private final CreditsCheck credits;
    private final ExtractionDeadline deadline;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor pool;
    private final Map<String, ExtractionWatch> watching = new ConcurrentHashMap<>();

    public ExtractionWaiter(InvoiceExtractionClient client, InFlightOffsets offsets,
                            OutcomePublisher publisher, Resubmitter resubmitter, CompletedEvents events,
                            QuestionEvents questionEvents, AnswerPolicy answerPolicy, PollMetrics metrics, Runnable afterRelease,
                            PollWorkerProperties properties, CreditsCheck credits, Clock clock) {
        this.client = client;
        this.offsets = offsets;
        this.publisher = publisher;
        this.resubmitter = resubmitter;
        this.events = events;
        this.questionEvents = questionEvents;
        this.answerPolicy = answerPolicy;
        this.metrics = metrics;
        this.afterRelease = afterRelease;
        this.properties = properties;
        this.credits = credits;
        this.deadline = new ExtractionDeadline(properties.getMaxExtractionAge());
        this.clock = clock;
        this.pool = new ScheduledThreadPoolExecutor(properties.getWaiterThreads(), runnable -> {
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
                if (watch.holdsForCredits() && !credits.covers(watch.event().getFiles().size())) {
                    log.info("Extraction {} failed for lack of credits; still short, checking again in {}",
                            watch.extractionId(), properties.getInsufficientCreditsWait());
                    schedule(watch, properties.getInsufficientCreditsWait());
                    return;
                }
                resubmit(watch, watch.pendingResubmission());
                return;
            }
            long started = System.nanoTime();
            ExtractionStatus status = client.getExtraction(watch.extractionId(), properties.getLongPollWait());
            watch.succeededCall();
            if (status instanceof ExtractionStatus.Processing && !pastDeadline(watch)
                    && Duration.ofNanos(System.nanoTime() - started).compareTo(EARLY_ANSWER) < 0) {
                // Answered "processing" without holding the call: do not spin on it.
                schedule(watch, EARLY_ANSWER_PAUSE);
                return;
            }
            handle(watch, status);
        }
        catch (InvoiceExtractionException e) {
            onCallFailure(watch, e);
        }
        catch (RuntimeException e) {
            if (stopping(e)) {
                return;
            }
            // Publishing failed (broker unavailable) or something unexpected: keep the record in flight, try later.
            log.warn("Checking extraction {} failed; retrying: {}", watch.extractionId(), e.toString());
            schedule(watch, backoff(watch.failedCall(), null));
        }
    }

    private void handle(ExtractionWatch watch, ExtractionStatus status) {
        if (status instanceof ExtractionStatus.Completed completed) {
            end(watch, "completed", () -> publisher.completed(events.completed(watch.event(), completed)));
        }
        else if (status instanceof ExtractionStatus.Cancelled cancelled) {
            end(watch, "cancelled", () -> publisher.completed(events.cancelled(watch.event(), cancelled)));
        }
        else if (status instanceof ExtractionStatus.Failed failed) {
            onFailed(watch, failed.error());
        }
        else if (pastDeadline(watch)) {
            onDeadline(watch, status);
        }
        else if (status instanceof ExtractionStatus.InputRequired inputRequired) {
            onQuestions(watch, inputRequired);
        }
        else if (status instanceof ExtractionStatus.Processing) {
            schedule(watch, Duration.ZERO);
        }
        else {
            // A status this worker does not know is non-terminal, but returns at once: do not spin on it.
            schedule(watch, properties.getInputRequiredRecheck());
        }
    }

    private void onFailed(ExtractionWatch watch, ApiError error) {
        String code = error == null ? "EXTRACTION_FAILED" : error.code();
        int attempt = watch.event().getAttempt();
        FailedExtractionDecision decision = FailedExtractionPolicy.decide(error, watch.event().getFiles(), attempt,
                properties.getMaxSubmissionAttempts());
        ErrorInfo info = CompletedEvents.errorInfo(error);
        switch (decision.kind()) {
            case RESUBMIT_SAME -> {
                log.info("Extraction {} (attempt {}) failed with {}; resubmitting", watch.extractionId(), attempt, code);
                watch.pendingResubmission(error, false);
                schedule(watch, properties.getResubmitDelay().multipliedBy(attempt));
            }
            case HOLD_FOR_CREDITS -> {
                log.warn("Extraction {} (attempt {}) failed with {}; holding its files until the credits allow a "
                        + "resubmission", watch.extractionId(), attempt, code);
                watch.pendingResubmission(error, true);
                schedule(watch, Duration.ZERO);
            }
            case RESUBMIT_WITHOUT -> resubmitWithout(watch, decision, error, info);
            case ATTEMPTS_EXHAUSTED -> {
                StageFailure failure = new StageFailure(ATTEMPTS_EXHAUSTED, "Extraction failed with " + code
                        + " on all " + attempt + " submission attempts", true, null, false);
                end(watch, "failed", () -> {
                    publisher.giveUp(events.failed(watch.event(), info), watch.record(), failure, attempt);
                    metrics.deadLettered(ATTEMPTS_EXHAUSTED);
                });
            }
            case FAIL_ALL -> end(watch, "failed", () -> publisher.completed(events.failed(watch.event(), info)));
        }
    }

    /**
     * The files the failure names fail on their own (a FAILED completion of just them, under this submission),
     * the others are submitted again at once as a new extraction. Resubmitting first: if it fails, nothing was
     * published and the whole decision is taken again on the next check, with the same ids.
     */
    private void resubmitWithout(ExtractionWatch watch, FailedExtractionDecision decision, ApiError error,
                                 ErrorInfo info) {
        ExtractionSubmitted event = watch.event();
        ExtractionSubmitted next = resubmitter.resubmitOnly(event, decision.resubmitted());
        publisher.resubmitted(next);
        ExtractionSubmitted failingOnly = ExtractionSubmitted.newBuilder(event).setFiles(decision.failing()).build();
        publisher.completed(events.failed(failingOnly, info));
        metrics.resubmitted(error.code());
        log.info("Extraction {} failed with {} for {}; the other {} file(s) resubmitted as {} (attempt {})",
                watch.extractionId(), error.code(), decision.failing().stream().map(f -> f.getFileName()).toList(),
                decision.resubmitted().size(), next.getExtractionId(), next.getAttempt());
        metrics.ended("failed");
        finish(watch);
    }

    private boolean pastDeadline(ExtractionWatch watch) {
        return deadline.exceeded(watch.event().getSubmittedAt(), clock.instant());
    }

    /**
     * Cancels an extraction that outlived the deadline; its files end FAILED with the deadline's code. If it ended
     * meanwhile (not cancellable any more), its final status is handled on the next check instead.
     */
    private void onDeadline(ExtractionWatch watch, ExtractionStatus status) {
        String statusName = status instanceof ExtractionStatus.InputRequired ? "input_required"
                : status instanceof ExtractionStatus.Processing ? "processing"
                : status instanceof ExtractionStatus.Unknown unknown ? unknown.status() : "running";
        try {
            client.cancelExtraction(watch.extractionId());
        }
        catch (ApiErrorException e) {
            if (e.errorCode() == ApiErrorCode.EXTRACTION_NOT_CANCELLABLE) {
                schedule(watch, Duration.ZERO);
                return;
            }
            throw e;
        }
        ErrorInfo info = deadline.error(watch.extractionId(), statusName, watch.event().getSubmittedAt(),
                clock.instant());
        log.warn("Extraction {} outlived the deadline ({} since submission); cancelled", watch.extractionId(),
                properties.getMaxExtractionAge());
        end(watch, "failed", () -> publisher.completed(events.failed(watch.event(), info)));
    }

    private void resubmit(ExtractionWatch watch, ApiError failure) {
        ExtractionSubmitted next = resubmitter.resubmit(watch.event());
        publisher.resubmitted(next);
        metrics.resubmitted(failure.code());
        log.info("Extraction {} resubmitted as {} (attempt {})", watch.extractionId(), next.getExtractionId(),
                next.getAttempt());
        finish(watch);
    }

    private void onQuestions(ExtractionWatch watch, ExtractionStatus.InputRequired status) {
        ExtractionSubmitted event = watch.event();
        boolean accept = answerPolicy.acceptsRecommended(event.getProfile());
        String questionsKey = status.questions().stream()
                .map(q -> q.questionId() + (q.wasPreviousAnswerRejected() ? "!" : ""))
                .sorted().collect(Collectors.joining(","));
        if (watch.firstSightOf(questionsKey)) {
            publisher.questions(questionEvents.asked(event, status, accept));
            metrics.questionsPublished();
        }
        List<String> ids = status.questions().stream().map(Question::questionId).toList();
        if (accept && !ids.isEmpty() && watch.markAnswered(ids)) {
            List<Answer> answers = ids.stream().map(Answer::acceptRecommended).toList();
            ExtractionStatus after = client.answerQuestions(watch.extractionId(), answers);
            metrics.questionsAnswered(answers.size());
            log.info("Answered {} question(s) of extraction {} with the recommendations", answers.size(),
                    watch.extractionId());
            if (!(after instanceof ExtractionStatus.InputRequired)) {
                handle(watch, after);
                return;
            }
        }
        schedule(watch, properties.getInputRequiredRecheck());
    }

    private void onCallFailure(ExtractionWatch watch, InvoiceExtractionException e) {
        if (stopping(e)) {
            // Shutting down: leave the record uncommitted; it is waited for again after the restart.
            return;
        }
        StageFailure failure = FailureClassifier.classify(e);
        metrics.statusCallFailed(failure.code());
        boolean gone = e instanceof ApiErrorException api && api.errorCode() == ApiErrorCode.EXTRACTION_NOT_FOUND;
        // A bad key is the deployment's problem, not the record's: keep the record and retry slowly.
        boolean permanent = gone || (!failure.retryable() && !(e instanceof AuthenticationException));
        if (permanent) {
            log.warn("Giving up on extraction {}: {} {}", watch.extractionId(), failure.code(), failure.message());
            ErrorInfo info = ErrorInfo.newBuilder().setCode(failure.code()).setMessage(failure.message())
                    .setRetryable(false).build();
            end(watch, "failed", () -> {
                publisher.giveUp(events.failed(watch.event(), info), watch.record(), failure, 1);
                metrics.deadLettered(failure.code());
            });
            return;
        }
        int failures = watch.failedCall();
        log.warn("Status of extraction {} unavailable ({} in a row): {}", watch.extractionId(), failures,
                failure.code());
        schedule(watch, backoff(failures, failure.retryAfter()));
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

    /** Publishes the outcome, then commits; if publishing fails the extraction stays in flight and is retried. */
    private void end(ExtractionWatch watch, String status, Runnable publishOutcome) {
        publishOutcome.run();
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

    private Duration backoff(int consecutiveFailures, Duration retryAfter) {
        long base = properties.getErrorBackoff().toMillis();
        long exponential = base << Math.min(consecutiveFailures - 1, 16);
        long wait = Math.min(exponential, properties.getMaxErrorBackoff().toMillis());
        if (retryAfter != null && retryAfter.toMillis() > wait) {
            wait = retryAfter.toMillis();
        }
        return Duration.ofMillis(wait);
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
