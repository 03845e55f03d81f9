package org.invoicepipeline.sandbox.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a handler answers: a complete response, or a deferred one completed later (a held
 * long-poll request) without tying up a thread while it waits.
 */
public final class ApiResponse {

    private static final String JSON = "application/json";

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Map<String, String> headers;
    private final CompletableFuture<ApiResponse> deferred;

    private ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers,
                        CompletableFuture<ApiResponse> deferred) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.headers = headers;
        this.deferred = deferred;
    }

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, JSON, Json.bytes(body), new LinkedHashMap<>(), null);
    }

    public static ApiResponse ok(Object body) {
        return json(200, body);
    }

    public static ApiResponse bytes(int status, String contentType, byte[] body) {
        return new ApiResponse(status, contentType, body, new LinkedHashMap<>(), null);
    }

    public static ApiResponse error(ApiException e) {
        var error = Json.object();
        error.put("code", e.code().name());
        error.put("message", e.getMessage());
        error.put("retryable", e.code().retryable());
        error.set("details", Json.tree(e.details()));
        var envelope = Json.object();
        envelope.put("success", false);
        envelope.set("error", error);
        ApiResponse response = json(e.code().httpStatus(), envelope);
        if (e.code() == ErrorCode.RATE_LIMITED) {
            response.header("Retry-After", Long.toString(Math.max(1, error.path("details").path("retry_after_seconds").asLong(1))));
        }
        return response;
    }

    public static ApiResponse deferred(CompletableFuture<ApiResponse> later) {
        return new ApiResponse(0, null, null, Map.of(), later);
    }

    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public boolean isDeferred() {
        return deferred != null;
    }

    public CompletableFuture<ApiResponse> deferredResponse() {
        return deferred;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
