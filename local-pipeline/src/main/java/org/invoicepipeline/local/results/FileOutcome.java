package org.invoicepipeline.local.results;

import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.local.monitor.DeadLetterNote;
import org.invoicepipeline.local.monitor.FileProgress;

/**
 * How one registered file ended in this run, as the results files and the terminal summary show it.
 *
 * @param file    the file's path relative to the input folder
 * @param fileId  FileRegistered.file_id
 * @param status  the latest result's status, {@code DEAD_LETTERED} for a file only a dead letter names, or
 *                {@link #PENDING} for a file without either when the run ended
 * @param code    the error code (empty when extracted)
 * @param message the error message, or where a pending file was waiting
 * @param result  its latest ExtractionResult, or null
 */
public record FileOutcome(String file, String fileId, String status, String code, String message,
                          ExtractionResult result) {

    /** Status of a file without a result or a dead letter when the run ended (timeout or Ctrl-C). */
    public static final String PENDING = "PENDING";

    /** Code of a pending file when the run timed out. */
    public static final String TIMED_OUT = "TIMED_OUT";

    /** Code of a pending file when the run was stopped with Ctrl-C. */
    public static final String STOPPED = "STOPPED";

    public boolean extracted() {
        return ResultStatus.EXTRACTED.name().equals(status);
    }

    public boolean pending() {
        return PENDING.equals(status);
    }

    /**
     * @param file         the path to show
     * @param progress     where the monitor saw the file
     * @param pendingCode  {@link #TIMED_OUT} or {@link #STOPPED}: the code of a file without an outcome
     */
    public static FileOutcome of(String file, FileProgress progress, String pendingCode) {
        ExtractionResult result = progress.result();
        if (result != null) {
            String code = result.getError() == null ? "" : result.getError().getCode();
            String message = result.getError() == null ? "" : result.getError().getMessage();
            if (result.getError() == null && !result.getFailedPages().isEmpty()) {
                message = result.getFailedPages().size() + " page(s) failed: "
                        + result.getFailedPages().get(0).getCode() + " " + result.getFailedPages().get(0).getMessage();
            }
            return new FileOutcome(file, progress.fileId(), result.getStatus().name(), code, message, result);
        }
        DeadLetterNote deadLetter = progress.deadLetter();
        if (deadLetter != null) {
            return new FileOutcome(file, progress.fileId(), ResultStatus.DEAD_LETTERED.name(), deadLetter.code(),
                    deadLetter.message(), null);
        }
        return new FileOutcome(file, progress.fileId(), PENDING, pendingCode,
                "was " + progress.stage().description() + " when the run ended", null);
    }
}
