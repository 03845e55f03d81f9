package org.invoicepipeline.client;

/**
 * A transfer to or from a signed storage URL (part upload, output download) was refused. {@link #isExpired()}
 * is true for 403, the answer to an expired or invalid signature; the client then asks the API for a fresh URL.
 * The message carries the URL without its query string.
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

    @Override
    public boolean isRetryable() {
        return httpStatus == 429 || httpStatus >= 500;
    }
}
