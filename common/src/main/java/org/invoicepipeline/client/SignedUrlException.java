package org.invoicepipeline.client;

/**
 * A transfer to or from a signed storage URL (part upload, output download) was refused. {@link #isExpired()}
 * is true for 403, the answer to an expired or invalid signature; the client then asks the API for a fresh URL,
 * with back-off, for {@code ClientOptions.signedUrlRetryWindow()}. The message carries the URL without its query
 * string.
 */
public class SignedUrlException extends InvoiceExtractionException {

    private final int httpStatus;

    public SignedUrlException(Operation operation, int httpStatus, String redactedUrl) {
        super(operation, operation.operationId() + " to " + redactedUrl + " failed: HTTP " + httpStatus, null);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public boolean isExpired() {
        return httpStatus == 403;
    }

    /**
     * True when the transfer may succeed later with a fresh URL: 403 (expired or refused signature), 408, 429 and
     * 5xx. False for answers no fresh URL changes, e.g. 404 (the upload or output is gone) or 400. This is the
     * flag a stage's failure classification and the dead letter's {@code x-error-retryable} carry.
     */
    @Override
    public boolean isRetryable() {
        return httpStatus == 403 || httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
    }

    /** Whether sending to the same URL again is pointless: only a fresh URL can help (403). */
    public boolean needsFreshUrl() {
        return isExpired();
    }
}
