package org.invoicepipeline.poll.wait;

import org.invoicepipeline.client.ApiErrorCode;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.AuthenticationException;
import org.invoicepipeline.client.InvoiceExtractionException;
import org.invoicepipeline.client.model.ApiError;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.common.kafka.FailureClassifier;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.events.ErrorInfo;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.poll.failure.ExtractionDeadline;
import org.invoicepipeline.poll.failure.FailedExtractionDecision;
import org.invoicepipeline.poll.failure.FailedExtractionPolicy;
import org.invoicepipeline.poll.outcome.CompletedEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The poll stage's state machine as a pure function: from what the API answered (a status, or a failed call),
 * the record's attempt and the settings, the next {@link PollStep}. No I/O, no clock: the caller passes the time.
 *
 * <ul>
 *   <li>completed / cancelled: publish;</li>
 *   <li>failed: {@link FailedExtractionPolicy} decides (resubmit after a delay, hold for credits, resubmit without
 *       the files it names, fail, fail and dead-letter when the attempts ran out);</li>
 *   <li>still processing or input_required past the {@link ExtractionDeadline}: cancel;</li>
 *   <li>input_required: ask; processing: check again at once, or after a pause when the API answered without
 *       holding the call; an unknown status: check again after {@code input-required-recheck};</li>
 *   <li>a failed status call: check again with exponential back-off (Retry-After wins), or, when it can never
 *       succeed (the extraction is gone, a permanent error other than a bad key), fail and dead-letter.</li>
 * </ul>
 */
public final class PollPolicy {

    /** Pipeline code of a record dead-lettered because its retryable failures outlasted the attempts. */
    public static final String ATTEMPTS_EXHAUSTED = "SUBMISSION_ATTEMPTS_EXHAUSTED";

    /** A "processing" answer faster than this did not hold the call as asked. */
    static final Duration EARLY_ANSWER = Duration.ofMillis(500);

    /** Pause after such an answer; the API asks for 5 s between calls that do not wait. */
    static final Duration EARLY_ANSWER_PAUSE = Duration.ofSeconds(5);

    /**
     * The settings the decisions depend on ({@code pipeline.poll.*}).
     *
     * @param maxSubmissionAttempts   submissions of the same files before a retryable failure is final
     * @param resubmitDelay           wait before a resubmission, multiplied by the attempt number
     * @param resubmittableCodes      failure codes resubmitted like {@code retryable: true}
     * @param inputRequiredRecheck    re-check interval of an extraction waiting for answers (or unknown status)
     * @param insufficientCreditsWait re-check interval of the credits while a resubmission is held
     * @param errorBackoff            first back-off after a failed status call, doubling per consecutive failure
     * @param maxErrorBackoff         cap of that back-off
     */
    public record Settings(int maxSubmissionAttempts, Duration resubmitDelay, Set<String> resubmittableCodes,
                           Duration inputRequiredRecheck, Duration insufficientCreditsWait, Duration errorBackoff,
                           Duration maxErrorBackoff) {
        public Settings {
            resubmittableCodes = Set.copyOf(resubmittableCodes);
        }
    }

    private final Settings settings;
    private final ExtractionDeadline deadline;

    public PollPolicy(Settings settings, ExtractionDeadline deadline) {
        this.settings = settings;
        this.deadline = deadline;
    }

    /**
     * @param status   what {@code getExtraction} answered
     * @param event    the record announcing the extraction
     * @param callTook how long the call took, or {@code null} when the status came from elsewhere (an answer)
     * @param now      the current time
     */
    public PollStep onStatus(ExtractionStatus status, ExtractionSubmitted event, Duration callTook, Instant now) {
        if (status instanceof ExtractionStatus.Completed || status instanceof ExtractionStatus.Cancelled) {
            return new PollStep.Publish(status);
        }
        if (status instanceof ExtractionStatus.Failed failed) {
            return onFailed(failed.error(), event);
        }
        if (deadline.exceeded(event.getSubmittedAt(), now)) {
            return new PollStep.CancelAtDeadline(statusName(status));
        }
        if (status instanceof ExtractionStatus.InputRequired inputRequired) {
            return new PollStep.Ask(inputRequired);
        }
        if (status instanceof ExtractionStatus.Processing) {
            // Answered "processing" without holding the call: do not spin on it.
            boolean early = callTook != null && callTook.compareTo(EARLY_ANSWER) < 0;
            return new PollStep.CheckAgain(early ? EARLY_ANSWER_PAUSE : Duration.ZERO);
        }
        // A status this worker does not know is non-terminal, but returns at once: do not spin on it.
        return new PollStep.CheckAgain(settings.inputRequiredRecheck());
    }

    /** After answering questions: still asking means check again later, anything else is handled as a status. */
    public PollStep afterAnswers(ExtractionStatus after, ExtractionSubmitted event, Instant now) {
        if (after == null || after instanceof ExtractionStatus.InputRequired) {
            return new PollStep.CheckAgain(settings.inputRequiredRecheck());
        }
        return onStatus(after, event, null, now);
    }

    /** A resubmission is held: for credits, until {@code creditsCover} (asked only then); otherwise it is due. */
    public PollStep onHeldResubmission(boolean forCredits, BooleanSupplier creditsCover) {
        if (forCredits && !creditsCover.getAsBoolean()) {
            return new PollStep.CheckAgain(settings.insufficientCreditsWait());
        }
        return new PollStep.ResubmitNow();
    }

    /**
     * A status call failed after the client's own retries.
     *
     * @param consecutiveFailures failed calls in a row, this one included
     */
    public PollStep onCallFailure(InvoiceExtractionException failure, int consecutiveFailures) {
        StageFailure classified = FailureClassifier.classify(failure);
        boolean gone = failure instanceof ApiErrorException api && api.errorCode() == ApiErrorCode.EXTRACTION_NOT_FOUND;
        // A bad key is the deployment's problem, not the record's: keep the record and retry slowly.
        boolean permanent = gone || (!classified.retryable() && !(failure instanceof AuthenticationException));
        if (permanent) {
            ErrorInfo info = ErrorInfo.newBuilder().setCode(classified.code()).setMessage(classified.message())
                    .setRetryable(false).build();
            return new PollStep.FailAndDeadLetter(info, classified, 1);
        }
        return new PollStep.CheckAgain(backoff(consecutiveFailures, classified.retryAfter()));
    }

    /** Exponential back-off from {@code error-backoff}, capped at {@code max-error-backoff}; a longer Retry-After wins. */
    public Duration backoff(int consecutiveFailures, Duration retryAfter) {
        long base = settings.errorBackoff().toMillis();
        long exponential = base << Math.min(consecutiveFailures - 1, 16);
        long wait = Math.min(exponential, settings.maxErrorBackoff().toMillis());
        if (retryAfter != null && retryAfter.toMillis() > wait) {
            wait = retryAfter.toMillis();
        }
        return Duration.ofMillis(wait);
    }

    private PollStep onFailed(ApiError error, ExtractionSubmitted event) {
        int attempt = event.getAttempt();
        FailedExtractionDecision decision = FailedExtractionPolicy.decide(error, event.getFiles(), attempt,
                settings.maxSubmissionAttempts(), settings.resubmittableCodes());
        ErrorInfo info = CompletedEvents.errorInfo(error);
        switch (decision.kind()) {
            case RESUBMIT_SAME:
                return new PollStep.ResubmitAfter(settings.resubmitDelay().multipliedBy(attempt), error);
            case HOLD_FOR_CREDITS:
                return new PollStep.HoldForCredits(error);
            case RESUBMIT_WITHOUT:
                return new PollStep.ResubmitWithout(decision, error);
            case ATTEMPTS_EXHAUSTED:
                StageFailure failure = new StageFailure(ATTEMPTS_EXHAUSTED, "Extraction failed with " + error.code()
                        + " on all " + attempt + " submission attempts", true, null, false);
                return new PollStep.FailAndDeadLetter(info, failure, attempt);
            default:
                return new PollStep.Fail(info);
        }
    }

    private static String statusName(ExtractionStatus status) {
        return status instanceof ExtractionStatus.InputRequired ? "input_required"
                : status instanceof ExtractionStatus.Processing ? "processing"
                : status instanceof ExtractionStatus.Unknown unknown ? unknown.status() : "running";
    }
}
