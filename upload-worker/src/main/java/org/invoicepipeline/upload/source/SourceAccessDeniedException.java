package org.invoicepipeline.upload.source;

import java.io.IOException;

/**
 * The store refused the worker's credentials for this source (S3 403 AccessDenied): SOURCE_ACCESS_DENIED, never
 * retried, since another attempt with the same credentials gets the same answer.
 */
public class SourceAccessDeniedException extends IOException {

    public SourceAccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
