package org.invoicepipeline.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

/** HTTP 429 {@code RATE_LIMITED} that outlived the client's retries; {@link #retryAfter()} says how long to wait. */
public class RateLimitedException extends ApiErrorException {

    public RateLimitedException(Operation operation, String message, JsonNode details, Duration retryAfter) {
        super(operation, 429, ApiErrorCode.RATE_LIMITED.name(), message, true, details, retryAfter);
    }
}
