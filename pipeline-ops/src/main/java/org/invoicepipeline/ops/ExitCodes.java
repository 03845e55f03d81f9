package org.invoicepipeline.ops;

/** The exit codes of {@code pipeline-ops}, documented in the module README. */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** The operation failed (the API refused it, a record could not be written). */
    public static final int FAILED = 1;
    /** Bad usage: an unknown command or option, a value that does not parse (picocli's own code). */
    public static final int USAGE = 2;
    /** Nothing matched: an unknown file, extraction, record or topic, or a selection matching nothing. */
    public static final int NOT_FOUND = 3;
    /** The Kafka brokers could not be reached in time. */
    public static final int BROKER_UNAVAILABLE = 4;
    /** The API could not be reached, or refused the key. */
    public static final int API_UNAVAILABLE = 5;
    /** A destructive command was not confirmed. */
    public static final int NOT_CONFIRMED = 6;

    private ExitCodes() {
    }
}
