package org.invoicepipeline.poll.failure;

import org.invoicepipeline.events.FileRef;

import java.util.List;

/**
 * What the poll stage does about an extraction that failed.
 *
 * @param kind        the action
 * @param failing     the files that end FAILED now (with the extraction's error), in the extraction's order
 * @param resubmitted the files submitted again as a new extraction, in the extraction's order
 */
public record FailedExtractionDecision(Kind kind, List<FileRef> failing, List<FileRef> resubmitted) {

    /** The actions. */
    public enum Kind {
        /** Every file fails with the extraction's error. */
        FAIL_ALL,
        /** A retryable failure, but the submission attempts ran out: every file fails, the record is dead-lettered. */
        ATTEMPTS_EXHAUSTED,
        /** A retryable failure: the same files again under the next attempt's submission id, after a delay. */
        RESUBMIT_SAME,
        /** Some files caused the failure ({@code details.file_names}): they fail, the others go again at once. */
        RESUBMIT_WITHOUT,
        /** The account lacks credits: hold, and submit the same files again once the credits allow. */
        HOLD_FOR_CREDITS
    }

    public FailedExtractionDecision {
        failing = List.copyOf(failing);
        resubmitted = List.copyOf(resubmitted);
    }

    static FailedExtractionDecision failAll(Kind kind, List<FileRef> files) {
        return new FailedExtractionDecision(kind, files, List.of());
    }

    static FailedExtractionDecision resubmit(Kind kind, List<FileRef> files) {
        return new FailedExtractionDecision(kind, List.of(), files);
    }
}
