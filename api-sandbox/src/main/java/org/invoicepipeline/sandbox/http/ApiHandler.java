package org.invoicepipeline.sandbox.http;

/** Serves one operation for an authenticated, rate-limited request. */
@FunctionalInterface
public interface ApiHandler {

    /** Answers the request, or throws {@link ApiException} for an error envelope. */
    ApiResponse handle(ApiRequest request);
}
