package org.invoicepipeline.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.invoicepipeline.sandbox.account.AccountCounters;
import org.invoicepipeline.sandbox.account.CreditsSnapshot;
import org.invoicepipeline.sandbox.account.KeyState;
import org.invoicepipeline.sandbox.engine.ExtractionFailureCode;
import org.invoicepipeline.sandbox.http.ApiResponse;
import org.invoicepipeline.sandbox.http.ExchangeWriter;
import org.invoicepipeline.sandbox.http.RequestBodies;
import org.invoicepipeline.sandbox.http.Json;
import org.invoicepipeline.sandbox.http.ErrorCode;
import org.invoicepipeline.sandbox.http.Router;

/**
 * The control and inspection endpoints under {@code /_sandbox/}, mirroring {@link SandboxControl}.
 * Per-key endpoints take the key as {@code Authorization: Bearer KEY}; faults are global.
 */
final class ControlHttpHandler implements HttpHandler {

    /** One control endpoint: the key from the bearer header (may be null) and the JSON body. */
    @FunctionalInterface
    private interface Action {
        Object apply(String apiKey, JsonNode body);
    }

    private final SandboxControl control;
    private final Router<Action> router = new Router<>();

    ControlHttpHandler(SandboxControl control) {
        this.control = control;
        router.add("GET", "/_sandbox/health", (key, body) -> Map.of("status", "ok"))
                .add("GET", "/_sandbox/counters", (key, body) -> counters(control.counters(required(key))))
                .add("POST", "/_sandbox/counters/reset", (key, body) -> done(control.resetCounters(required(key))))
                .add("GET", "/_sandbox/credits", (key, body) -> credits(control.credits(required(key))))
                .add("PUT", "/_sandbox/credits", (key, body) -> {
                    control.setCredits(required(key), requiredLong(body, "credits_balance"));
                    return credits(control.credits(key));
                })
                .add("POST", "/_sandbox/keys", (key, body) -> {
                    String apiKey = requiredText(body, "api_key");
                    control.addApiKey(apiKey);
                    control.setKeyState(apiKey, KeyState.valueOf(body.path("state").asText("active").toUpperCase(Locale.ROOT)));
                    return Map.of("success", true);
                })
                .add("POST", "/_sandbox/rate-limits/reset", (key, body) -> done(control.resetRateLimits(required(key))))
                .add("GET", "/_sandbox/extractions", (key, body) -> Map.of(
                        "extractions_by_submission_id", control.extractionsBySubmissionId(required(key)),
                        "running", control.runningExtractions(key)))
                .add("POST", "/_sandbox/uploads/expire-session", (key, body) -> Map.of("success",
                        control.expireUploadSession(required(key), requiredText(body, "upload_session_id"))))
                .add("POST", "/_sandbox/uploads/abort-file", (key, body) -> Map.of("success",
                        control.abortFile(required(key), requiredText(body, "upload_session_id"), requiredText(body, "file_id"))))
                .add("POST", "/_sandbox/faults/errors", (key, body) -> {
                    ErrorCode code = ErrorCode.valueOf(requiredText(body, "code"));
                    if (body.has("rate")) {
                        return done(control.failRate(requiredText(body, "operation"), body.get("rate").asDouble(), code));
                    }
                    return done(control.failNext(requiredText(body, "operation"), body.path("count").asInt(1), code));
                })
                .add("POST", "/_sandbox/faults/drop-connection", (key, body) ->
                        done(control.dropConnectionAfterApply(requiredText(body, "operation"), body.path("count").asInt(1))))
                .add("POST", "/_sandbox/faults/latency", (key, body) -> done(control.addLatency(
                        requiredText(body, "operation"), Duration.ofMillis(requiredLong(body, "latency_ms")))))
                .add("POST", "/_sandbox/faults/rate-limit", (key, body) -> done(control.forceRateLimit(
                        requiredText(body, "operation"), body.path("count").asInt(1),
                        Duration.ofSeconds(body.path("retry_after_seconds").asLong(1)))))
                .add("POST", "/_sandbox/faults/pause-submissions", (key, body) ->
                        done(control.pauseSubmissions(Duration.ofMillis(requiredLong(body, "duration_ms")))))
                .add("POST", "/_sandbox/faults/expire-signed-urls", (key, body) -> done(control.expireIssuedSignedUrls()))
                .add("POST", "/_sandbox/faults/signed-url-ttl", (key, body) -> done(control.signedUrlTtl(
                        body.hasNonNull("ttl_ms") ? Duration.ofMillis(body.get("ttl_ms").asLong()) : null)))
                .add("POST", "/_sandbox/faults/refuse-signed-urls", (key, body) -> done(control.refuseSignedUrls(
                        requiredText(body, "operation"), Duration.ofMillis(requiredLong(body, "duration_ms")))))
                .add("POST", "/_sandbox/faults/extraction-failures", (key, body) -> done(control.failNextExtractions(
                        ExtractionFailureCode.valueOf(requiredText(body, "code")), body.path("count").asInt(1))))
                .add("DELETE", "/_sandbox/faults", (key, body) -> done(control.resetFaults()))
                .add("POST", "/_sandbox/clock/advance", (key, body) ->
                        done(control.advanceClock(Duration.ofMillis(requiredLong(body, "millis")))));
    }

    @Override
    public void handle(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        var match = router.match(exchange.getRequestMethod(), path);
        byte[] raw = RequestBodies.read(exchange);
        if (match.isEmpty()) {
            ExchangeWriter.write(exchange, ApiResponse.json(404, Map.of("error", "No such control endpoint: "
                    + exchange.getRequestMethod() + " " + path)));
            return;
        }
        try {
            JsonNode body = raw.length == 0 ? Json.object() : Json.parse(raw);
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            String key = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
            ExchangeWriter.write(exchange, ApiResponse.ok(match.get().target().apply(key, body)));
        } catch (IOException | IllegalArgumentException e) {
            ExchangeWriter.write(exchange, ApiResponse.json(400, Map.of("error", String.valueOf(e.getMessage()))));
        }
    }

    private static Map<String, Object> done(SandboxControl ignored) {
        return Map.of("success", true);
    }

    private static String required(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            throw new IllegalArgumentException("Send the key to inspect as Authorization: Bearer KEY");
        }
        return apiKey;
    }

    private static String requiredText(JsonNode body, String name) {
        if (!body.path(name).isTextual()) {
            throw new IllegalArgumentException(name + " (a string) is required");
        }
        return body.get(name).asText();
    }

    private static long requiredLong(JsonNode body, String name) {
        if (!body.path(name).canConvertToLong() || !body.path(name).isNumber()) {
            throw new IllegalArgumentException(name + " (an integer) is required");
        }
        return body.get(name).asLong();
    }

    private static ObjectNode credits(CreditsSnapshot credits) {
        ObjectNode view = Json.object();
        view.put("credits_balance", credits.balance());
        view.put("credits_reserved", credits.reserved());
        return view;
    }

    static ObjectNode counters(AccountCounters counters) {
        ObjectNode view = Json.object();
        view.set("calls", Json.tree(counters.callsByOperationAndStatus()));
        view.put("rate_limited_responses", counters.rateLimitedResponses());
        view.put("sessions_created", counters.sessionsCreated());
        view.put("parts_uploaded", counters.partsUploaded());
        view.put("files_completed", counters.filesCompleted());
        view.set("extractions_by_submission_id", Json.tree(counters.extractionsBySubmissionId()));
        view.put("pages_charged", counters.pagesCharged());
        view.set("credits", credits(counters.credits()));
        view.put("max_concurrent_extractions", counters.maxConcurrentExtractions());
        return view;
    }
}
