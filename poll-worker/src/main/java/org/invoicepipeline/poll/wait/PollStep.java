package org.invoicepipeline.poll.wait;

import org.invoicepipeline.client.model.ApiError;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.events.ErrorInfo;
import org.invoicepipeline.poll.failure.FailedExtractionDecision;

import java.time.Duration;

/** What the waiter does next with an extraction: {@link PollPolicy}'s decisions, carried out by the waiter. */
public sealed interface PollStep {

    /** Ask for the status again after {@code delay}. */
    record CheckAgain(Duration delay) implements PollStep {
    }

    /** Completed or cancelled: publish its ExtractionCompleted and end. */
    record Publish(ExtractionStatus status) implements PollStep {
    }

    /** Every file fails with {@code error}. */
    record Fail(ErrorInfo error) implements PollStep {
    }

    /** Every file fails with {@code error} and the record is dead-lettered with {@code failure}. */
    record FailAndDeadLetter(ErrorInfo error, StageFailure failure, int attempts) implements PollStep {
    }

    /** A retryable failure: resubmit the same files after {@code delay}. */
    record ResubmitAfter(Duration delay, ApiError failure) implements PollStep {
    }

    /** Short of credits: hold, and resubmit the same files once the credits cover them. */
    record HoldForCredits(ApiError failure) implements PollStep {
    }

    /** A held resubmission is due: submit the same files again now. */
    record ResubmitNow() implements PollStep {
    }

    /** The files the failure names fail, the others are resubmitted at once. */
    record ResubmitWithout(FailedExtractionDecision decision, ApiError failure) implements PollStep {
    }

    /** Input required: publish the questions (and answer them when the profile says so). */
    record Ask(ExtractionStatus.InputRequired status) implements PollStep {
    }

    /** Outlived the deadline while {@code statusName}: cancel it through the API, its files fail. */
    record CancelAtDeadline(String statusName) implements PollStep {
    }
}
