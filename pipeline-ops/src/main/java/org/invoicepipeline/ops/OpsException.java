package org.invoicepipeline.ops;

/**
 * What a command reports to the operator instead of a stack trace: one line and an exit code ({@link ExitCodes}).
 * The message must never carry the API key or a signed URL.
 */
public class OpsException extends RuntimeException {

    private final int exitCode;

    public OpsException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static OpsException notFound(String message) {
        return new OpsException(ExitCodes.NOT_FOUND, message);
    }
}
