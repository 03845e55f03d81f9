package org.invoicepipeline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.invoicepipeline.sandbox.SandboxClient.Reply;
import org.invoicepipeline.sandbox.http.ErrorCode;

/** Injected errors, dropped connections after the state change, latency, and what the counters prove. */
class FaultInjectionTest {

    private static final String KEY = "fault-key";

    static ApiSandbox sandbox;
    static SandboxClient client;

    @BeforeAll
    static void start() {
        sandbox = ApiSandbox.builder().apiKey(KEY).rateLimitScale(0).pageProcessingTime(Duration.ofMillis(10)).start();
        client = new SandboxClient(sandbox, KEY);
    }

    @AfterEach
    void resetFaults() {
        sandbox.control().resetFaults();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void injectedErrorsHappenBeforeAnyStateChange() {
        Samples.uploadOne(client, "errs", 1);
        sandbox.control().failNext("submitExtraction", 2, ErrorCode.INTERNAL_ERROR);
        Map<String, Object> body = Samples.submission("errs", "errs", List.of("f1"));
        for (int i = 0; i < 2; i++) {
            Reply failed = client.post("/extractions", body);
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.errorCode()).isEqualTo("INTERNAL_ERROR");
            assertThat(failed.body().path("error").path("retryable").asBoolean()).isTrue();
            assertThat(failed.body().path("error").has("details")).isTrue();
            assertThat(failed.body().path("success").asBoolean()).isFalse();
        }
        assertThat(sandbox.control().counters(KEY).extractionsBySubmissionId()).doesNotContainKey("errs");
        assertThat(client.post("/extractions", body).status()).isEqualTo(202);
        assertThat(sandbox.control().counters(KEY).calls("submitExtraction", 500)).isEqualTo(2);
        assertThat(sandbox.control().counters(KEY).calls("submitExtraction", 202)).isEqualTo(1);
    }

    @Test
    void completeCanFailWith502AndSucceedOnRetry() {
        byte[] content = Samples.pdf(2);
        client.post("/uploads/sessions", Map.of("upload_session_id", "c502", "files",
                List.of(Map.of("file_id", "f1", "file_name", "a.pdf", "file_size_bytes", content.length))));
        String url = client.post("/uploads/sessions/c502/parts", Map.of("file_id", "f1", "part_numbers", List.of(1)))
                .body().path("part_urls").get(0).path("url").asText();
        String etag = client.putUrl(url, content).header("ETag");
        Map<String, Object> completion = Map.of("file_id", "f1", "parts", List.of(Map.of("part_number", 1, "e_tag", etag)));
        sandbox.control().failNext("completeFileUpload", 1, ErrorCode.UPLOAD_COMPLETE_FAILED);
        Reply failed = client.post("/uploads/sessions/c502/complete", completion);
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.errorCode()).isEqualTo("UPLOAD_COMPLETE_FAILED");
        assertThat(failed.body().path("error").path("retryable").asBoolean()).isTrue();
        assertThat(client.post("/uploads/sessions/c502/complete", completion).body().path("status").asText()).isEqualTo("completed");
    }

    @Test
    void droppedConnectionsHappenAfterTheStateChangeSoRetriesMustBeIdempotent() {
        Samples.uploadOne(client, "drop", 3);
        Map<String, Object> body = Samples.submission("drop", "drop", List.of("f1"));
        sandbox.control().dropConnectionAfterApply("submitExtraction", 1);
        assertThatThrownBy(() -> client.post("/extractions", body)).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(sandbox.control().extractionsBySubmissionId(KEY)).containsKey("drop");

        Reply retry = client.post("/extractions", body);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.body().path("extraction_id").asText())
                .isEqualTo(sandbox.control().extractionsBySubmissionId(KEY).get("drop").toString());
        assertThat(sandbox.control().counters(KEY).extractionsBySubmissionId()).containsEntry("drop", 1L);
        assertThat(sandbox.control().counters(KEY).calls("submitExtraction", 0)).isEqualTo(1);

        sandbox.control().dropConnectionAfterApply("createUploadSession", 1);
        Map<String, Object> session = Map.of("upload_session_id", "drop-2", "files",
                List.of(Map.of("file_id", "f1", "file_name", "a.pdf", "file_size_bytes", 5)));
        long sessions = sandbox.control().counters(KEY).sessionsCreated();
        assertThatThrownBy(() -> client.post("/uploads/sessions", session)).hasCauseInstanceOf(IOException.class);
        assertThat(client.post("/uploads/sessions", session).status()).isEqualTo(200);
        assertThat(sandbox.control().counters(KEY).sessionsCreated()).isEqualTo(sessions + 1);

        String url = client.post("/uploads/sessions/drop-2/parts", Map.of("file_id", "f1", "part_numbers", List.of(1)))
                .body().path("part_urls").get(0).path("url").asText();
        sandbox.control().dropConnectionAfterApply("uploadPart", 1);
        assertThatThrownBy(() -> client.putUrl(url, new byte[] {1, 2, 3, 4, 5})).hasCauseInstanceOf(IOException.class);
        String etag = client.putUrl(url, new byte[] {1, 2, 3, 4, 5}).header("ETag");
        sandbox.control().dropConnectionAfterApply("completeFileUpload", 1);
        Map<String, Object> completion = Map.of("file_id", "f1", "parts", List.of(Map.of("part_number", 1, "e_tag", etag)));
        assertThatThrownBy(() -> client.post("/uploads/sessions/drop-2/complete", completion)).hasCauseInstanceOf(IOException.class);
        Reply again = client.post("/uploads/sessions/drop-2/complete", completion);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().has("status")).isFalse();
    }

    @Test
    void latencyIsAddedPerOperation() {
        sandbox.control().addLatency("getCreditsBalance", Duration.ofMillis(400));
        long start = System.nanoTime();
        assertThat(client.get("/credits/balance").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        sandbox.control().addLatency("getCreditsBalance", Duration.ZERO);
    }

    @Test
    void errorRatesFailTheChosenShareOfCalls() {
        sandbox.control().failRate("listExtractions", 1.0, ErrorCode.INTERNAL_ERROR);
        assertThat(client.get("/extractions").status()).isEqualTo(500);
        assertThat(client.get("/extractions").status()).isEqualTo(500);
        sandbox.control().failRate("listExtractions", 0, ErrorCode.INTERNAL_ERROR);
        assertThat(client.get("/extractions").status()).isEqualTo(200);

        sandbox.control().failNext("getCreditsBalance", 1, ErrorCode.RATE_LIMITED);
        Reply limited = client.get("/credits/balance");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(limited.details().path("retry_after_seconds").asInt()).isEqualTo(1);

        sandbox.control().failNext("getCreditsBalance", 1, ErrorCode.SUBMISSIONS_PAUSED);
        Reply paused = client.get("/credits/balance");
        assertThat(paused.status()).isEqualTo(503);
        assertThat(paused.errorCode()).isEqualTo("SUBMISSIONS_PAUSED");
    }

    @Test
    void signedUrlsCanExpireEarlyOrBeIssuedShortLived() throws InterruptedException {
        client.post("/uploads/sessions", Map.of("upload_session_id", "early", "files",
                List.of(Map.of("file_id", "f1", "file_name", "a.pdf", "file_size_bytes", 3))));
        String url = client.post("/uploads/sessions/early/parts", Map.of("file_id", "f1", "part_numbers", List.of(1)))
                .body().path("part_urls").get(0).path("url").asText();
        sandbox.control().expireIssuedSignedUrls();
        assertThat(client.putUrl(url, new byte[] {1, 2, 3}).status()).isEqualTo(403);

        sandbox.control().signedUrlTtl(Duration.ofMillis(200));
        String shortLived = client.post("/uploads/sessions/early/parts", Map.of("file_id", "f1", "part_numbers", List.of(1)))
                .body().path("part_urls").get(0).path("url").asText();
        Thread.sleep(300);
        assertThat(client.putUrl(shortLived, new byte[] {1, 2, 3}).status()).isEqualTo(403);
        sandbox.control().signedUrlTtl(null);
        String normal = client.post("/uploads/sessions/early/parts", Map.of("file_id", "f1", "part_numbers", List.of(1)))
                .body().path("part_urls").get(0).path("url").asText();
        assertThat(client.putUrl(normal, new byte[] {1, 2, 3}).status()).isEqualTo(200);
    }

    @Test
    void signedUrlsOfAnOperationCanBeRefusedForAWindowEvenWhenFresh() throws InterruptedException {
        client.post("/uploads/sessions", Map.of("upload_session_id", "refused", "files",
                List.of(Map.of("file_id", "f1", "file_name", "a.pdf", "file_size_bytes", 3))));
        sandbox.control().refuseSignedUrls("uploadPart", Duration.ofMillis(400));
        String fresh = client.post("/uploads/sessions/refused/parts", Map.of("file_id", "f1", "part_numbers", List.of(1)))
                .body().path("part_urls").get(0).path("url").asText();

        Reply refused = client.putUrl(fresh, new byte[] {1, 2, 3});
        assertThat(refused.status()).isEqualTo(403);
        assertThat(new String(refused.raw(), java.nio.charset.StandardCharsets.UTF_8)).contains("Request has expired");

        Thread.sleep(500);
        assertThat(client.putUrl(fresh, new byte[] {1, 2, 3}).status()).as("the same URL works after the window")
                .isEqualTo(200);
        assertThatThrownBy(() -> sandbox.control().refuseSignedUrls("getCreditsBalance", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
