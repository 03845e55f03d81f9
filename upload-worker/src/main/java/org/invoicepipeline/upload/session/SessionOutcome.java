package org.invoicepipeline.upload.session;

import java.util.List;

import org.invoicepipeline.common.kafka.StageFailure;
import org.invoicepipeline.upload.plan.PlannedFile;
import org.invoicepipeline.upload.plan.PlannedSession;

/**
 * What uploading one planned session achieved: the files completed in the session and those that failed
 * for good (a retryable failure fails the whole session attempt instead, so it is retried).
 */
public record SessionOutcome(PlannedSession session, List<PlannedFile> completed, List<FailedFile> failed) {

    public SessionOutcome {
        completed = List.copyOf(completed);
        failed = List.copyOf(failed);
    }

    /** A file the session could not complete, and why. */
    public record FailedFile(PlannedFile file, StageFailure failure) {
    }
}
