package org.invoicepipeline.local.monitor;

import java.util.Map;

/**
 * How far the files of this run got, counted from the topics.
 *
 * @param registered        files registered
 * @param uploaded          files in a PartsUploaded (completed in an upload session)
 * @param submitted         files in an ExtractionSubmitted
 * @param completed         files in an ExtractionCompleted
 * @param withResult        files with at least one ExtractionResult
 * @param deadLettered      files named by a dead letter
 * @param done              files with a result or a dead letter
 * @param resultsByStatus   files by the status of their latest result
 * @param deadLettersByCode dead-lettered records by their x-error-code
 * @param extractions       distinct extractions that ended
 * @param creditsUsed       credits deducted by those extractions
 * @param questionsAsked    distinct question sets the poll stage published for this run's files
 */
public record PipelineProgress(int registered, int uploaded, int submitted, int completed, int withResult,
                               int deadLettered, int done, Map<String, Integer> resultsByStatus,
                               Map<String, Integer> deadLettersByCode, int extractions, long creditsUsed,
                               int questionsAsked) {

    public boolean allDone() {
        return registered > 0 && done >= registered;
    }

    /** One progress line for the console. */
    public String line() {
        return String.format("registered %d | uploaded %d | submitted %d | extracted %d | results %d | dead letters %d",
                registered, uploaded, submitted, completed, withResult, deadLettered);
    }
}
