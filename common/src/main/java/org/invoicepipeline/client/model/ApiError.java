package org.invoicepipeline.client.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The error object of the API: an error envelope's {@code error}, a failed extraction's {@code error}
 * or an imported file's {@code error}. {@code details} is {@code null} or an object with error-specific context.
 */
public record ApiError(String code, String message, Boolean retryable, JsonNode details) {

    public boolean isRetryable() {
        return Boolean.TRUE.equals(retryable);
    }
}
