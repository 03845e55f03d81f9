package org.invoicepipeline.local.monitor;

import org.invoicepipeline.events.ExtractionResult;

/**
 * How far one registered file got.
 *
 * @param fileId       FileRegistered.file_id
 * @param uploaded     named by a PartsUploaded's completed files
 * @param submitted    named by an ExtractionSubmitted
 * @param completed    named by an ExtractionCompleted
 * @param result       its latest ExtractionResult, or null
 * @param deadLetter   the latest dead letter naming it, or null
 * @param extractionId the extraction it was last submitted in, or null
 */
public record FileProgress(String fileId, boolean uploaded, boolean submitted, boolean completed,
                           ExtractionResult result, DeadLetterNote deadLetter, String extractionId) {

    /** Where a file is waiting, for progress and timeout messages. */
    public enum Stage {
        UPLOAD("waiting for upload"),
        SUBMIT("waiting for submission"),
        EXTRACTION("being extracted"),
        DOWNLOAD("waiting for its results download"),
        DONE("done");

        private final String description;

        Stage(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public boolean done() {
        return result != null || deadLetter != null;
    }

    public Stage stage() {
        if (done()) {
            return Stage.DONE;
        }
        if (completed) {
            return Stage.DOWNLOAD;
        }
        if (submitted) {
            return Stage.EXTRACTION;
        }
        return uploaded ? Stage.SUBMIT : Stage.UPLOAD;
    }
}
