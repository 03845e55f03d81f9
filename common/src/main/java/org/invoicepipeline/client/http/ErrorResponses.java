package org.invoicepipeline.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.AuthenticationException;
import org.invoicepipeline.client.Operation;
import org.invoicepipeline.client.RateLimitedException;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Turns an API error answer into the matching typed exception. */
final class ErrorResponses {

    private final ObjectMapper json;

    ErrorResponses(ObjectMapper json) {
        this.json = json;
    }

    public ApiErrorException toException(Operation operation, int status, HttpHeaders headers, byte[] body) {
        JsonNode error = parseError(body);
        String code = error != null ? error.path("code").asText(null) : null;
        String message = error != null ? error.path("message").asText("") : "";
        JsonNode details = error != null ? error.get("details") : null;
        boolean retryable;
        if (error != null && error.has("retryable")) {
            retryable = error.path("retryable").asBoolean(false);
        } else {
            retryable = status == 429 || status >= 500;
        }
        if (code == null) {
            code = status == 429 ? "RATE_LIMITED" : "HTTP_" + status;
            message = "HTTP " + status + " without an error envelope";
        }
        Duration retryAfter = retryAfter(headers, details);
        if (status == 429) {
            return new RateLimitedException(operation, message, details, retryAfter);
        }
        if (status == 401) {
            return new AuthenticationException(operation, code, message, details);
        }
        return new ApiErrorException(operation, status, code, message, retryable, details, retryAfter);
    }

    private JsonNode parseError(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode root = json.readTree(body);
            JsonNode error = root == null ? null : root.get("error");
            return error != null && error.isObject() ? error : null;
        } catch (java.io.IOException notJson) {
            return null;
        }
    }

    /** The Retry-After header (seconds or an HTTP date), else {@code details.retry_after_seconds}. */
    static Duration retryAfter(HttpHeaders headers, JsonNode details) {
        String header = headers.firstValue("Retry-After").orElse(null);
        if (header != null) {
            String value = header.trim();
            try {
                return Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(value) * 1000)));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration until = Duration.between(Instant.now(), at);
                    return until.isNegative() ? Duration.ZERO : until;
                } catch (DateTimeParseException notDate) {
                    // fall through to the body's hint
                }
            }
        }
        if (details != null && details.hasNonNull("retry_after_seconds")) {
            double seconds = details.path("retry_after_seconds").asDouble(0);
            return Duration.ofMillis(Math.max(0, Math.round(seconds * 1000)));
        }
        if (details != null && details.hasNonNull("resumes_at")) {
            // SUBMISSIONS_PAUSED says when submissions resume; waiting until then is the useful retry delay.
            try {
                Duration until = Duration.between(Instant.now(), Instant.parse(details.path("resumes_at").asText()));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notAnInstant) {
                return null;
            }
        }
        return null;
    }
}
