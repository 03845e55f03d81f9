package org.invoicepipeline.upload.source;

/**
 * The store could not answer for a reason worth retrying (throttling, 5xx, network), after the client's own
 * retries. At validation it restarts the planner from its committed offsets, so the registration is validated again
 * later instead of being dead-lettered; at upload the session attempt fails and is retried.
 */
public class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
