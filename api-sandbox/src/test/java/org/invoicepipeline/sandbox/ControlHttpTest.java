package org.invoicepipeline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.invoicepipeline.sandbox.SandboxClient.Reply;

/** The control endpoints under /_sandbox/, for clients outside the JVM. */
class ControlHttpTest {

    static ApiSandbox sandbox;
    static SandboxClient api;
    static SandboxClient control;

    @BeforeAll
    static void start() {
        sandbox = ApiSandbox.builder().apiKey("ctl").rateLimitScale(0).start();
        api = new SandboxClient(sandbox, "ctl");
        control = new SandboxClient(java.net.http.HttpClient.newHttpClient(), sandbox.origin() + "/_sandbox", "ctl");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void inspectsCountersAndSetsCredits() {
        assertThat(control.get("/health").body().path("status").asText()).isEqualTo("ok");
        api.get("/credits/balance");
        api.get("/credits/balance");
        JsonNode counters = control.get("/counters").body();
        assertThat(counters.path("calls").path("getCreditsBalance").path("200").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(counters.path("credits").path("credits_balance").asLong()).isEqualTo(10_000);
        assertThat(counters.has("extractions_by_submission_id")).isTrue();
        assertThat(counters.has("pages_charged")).isTrue();

        Reply set = control.send(control.request("/credits").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"credits_balance\": 5}")));
        assertThat(set.body().path("credits_balance").asLong()).isEqualTo(5);
        assertThat(api.get("/credits/balance").body().path("credits_balance").asLong()).isEqualTo(5);

        assertThat(control.post("/counters/reset", Map.of()).status()).isEqualTo(200);
        assertThat(control.get("/counters").body().path("calls").size()).isZero();
        assertThat(control.withKey(null).get("/counters").status()).isEqualTo(400);
        assertThat(control.withKey("unknown").get("/counters").status()).isEqualTo(400);
    }

    @Test
    void injectsFaultsOverHttp() {
        assertThat(control.post("/faults/errors", Map.of("operation", "listExtractions", "code", "INTERNAL_ERROR",
                "count", 1)).status()).isEqualTo(200);
        assertThat(api.get("/extractions").status()).isEqualTo(500);
        assertThat(api.get("/extractions").status()).isEqualTo(200);

        control.post("/faults/rate-limit", Map.of("operation", "listExtractions", "count", 1, "retry_after_seconds", 3));
        Reply limited = api.get("/extractions");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("3");

        control.post("/faults/pause-submissions", Map.of("duration_ms", 60_000));
        assertThat(api.post("/extractions", Map.of()).status()).isEqualTo(400);
        assertThat(control.send(control.request("/faults").DELETE()).status()).isEqualTo(200);

        control.post("/keys", Map.of("api_key", "second", "state", "revoked"));
        assertThat(api.withKey("second").get("/credits/balance").errorCode()).isEqualTo("API_KEY_REVOKED");
        control.post("/keys", Map.of("api_key", "second", "state", "active"));
        assertThat(api.withKey("second").get("/credits/balance").status()).isEqualTo(200);

        assertThat(control.post("/faults/errors", Map.of("operation", "noSuchOperation", "code", "INTERNAL_ERROR")).status())
                .isEqualTo(400);
        assertThat(control.post("/faults/errors", Map.of("operation", "listExtractions", "code", "NOPE")).status())
                .isEqualTo(400);
        assertThat(control.get("/nothing").status()).isEqualTo(404);
        assertThat(control.post("/clock/advance", Map.of("millis", 1000)).status()).isEqualTo(200);
        assertThat(control.post("/faults/drop-connection", Map.of("operation", "getCreditsBalance", "count", 0)).status())
                .isEqualTo(200);
        assertThat(control.post("/faults/latency", Map.of("operation", "getCreditsBalance", "latency_ms", 0)).status())
                .isEqualTo(200);
        assertThat(control.post("/faults/extraction-failures", Map.of("code", "INTERNAL_ERROR", "count", 0)).status())
                .isEqualTo(200);
        assertThat(control.post("/faults/expire-signed-urls", Map.of()).status()).isEqualTo(200);
        assertThat(control.post("/faults/signed-url-ttl", Map.of("ttl_ms", 1000)).status()).isEqualTo(200);
        assertThat(control.post("/faults/refuse-signed-urls", Map.of("operation", "downloadOutput", "duration_ms", 1))
                .status()).isEqualTo(200);
        assertThat(control.post("/faults/refuse-signed-urls", Map.of("operation", "listExtractions", "duration_ms", 1))
                .status()).as("only signed-URL operations").isEqualTo(400);
        assertThat(control.post("/rate-limits/reset", Map.of()).status()).isEqualTo(200);
        assertThat(control.get("/extractions").body().path("running").asLong()).isZero();
        assertThat(List.of(control.post("/uploads/expire-session", Map.of("upload_session_id", "none")).body()
                .path("success").asBoolean())).containsExactly(false);
        assertThat(URI.create(sandbox.baseUrl()).getPath()).isEqualTo("/v1");
    }
}
