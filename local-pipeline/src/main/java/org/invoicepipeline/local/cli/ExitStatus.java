package org.invoicepipeline.local.cli;

/**
 * The process exit codes of the local run, for scripts. One decision ({@link #of}), documented in the README.
 */
public enum ExitStatus {
    /** Every registered file ended EXTRACTED. */
    ALL_EXTRACTED(0, "every file extracted"),
    /** The timeout passed with files still without a result (results are written for the others). */
    TIMED_OUT(1, "timed out"),
    /** A bad command line: nothing was started. */
    BAD_ARGUMENTS(2, "bad arguments"),
    /** Every file has a result, but some ended FAILED, CANCELLED or DEAD_LETTERED. */
    SOME_NOT_EXTRACTED(3, "some files not extracted"),
    /** Stopped with Ctrl-C (SIGINT): results were written for the files that finished. */
    INTERRUPTED(130, "stopped with Ctrl-C");

    private final int code;
    private final String meaning;

    ExitStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /**
     * How a run that started ended: Ctrl-C wins (the user asked to stop, whatever finished), then files without
     * a result (timeout), then files that did not end EXTRACTED.
     *
     * @param interrupted  Ctrl-C was pressed
     * @param allEnded     every registered file has a result or a dead letter
     * @param notExtracted files that ended otherwise than EXTRACTED
     */
    public static ExitStatus of(boolean interrupted, boolean allEnded, int notExtracted) {
        if (interrupted) {
            return INTERRUPTED;
        }
        if (!allEnded) {
            return TIMED_OUT;
        }
        return notExtracted > 0 ? SOME_NOT_EXTRACTED : ALL_EXTRACTED;
    }
}
