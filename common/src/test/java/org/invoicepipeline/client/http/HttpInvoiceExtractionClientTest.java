package org.invoicepipeline.client.http;

import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.RetryPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.invoicepipeline.client.model.CancellationResult;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.client.model.ImportFile;
import org.invoicepipeline.client.model.ImportResult;
import org.invoicepipeline.client.ratelimit.RateLimits;
import org.invoicepipeline.client.upload.UploadSource;
import org.invoicepipeline.client.upload.UploadSourceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.invoicepipeline.common.kafka.FailureClassifier;
import org.invoicepipeline.common.kafka.StageFailure;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What goes on the wire, seen by a bare local HTTP server. */
class HttpInvoiceExtractionClientTest {

    private static final String KEY = "sk_wire_test_key";

    private HttpServer server;
    private final Map<String, Headers> headersByPath = new ConcurrentHashMap<>();
    private final Map<String, byte[]> bodiesByPath = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            headersByPath.put(path, exchange.getRequestHeaders());
            bodiesByPath.put(path, exchange.getRequestBody().readAllBytes());
            byte[] answer;
            if (path.startsWith("/storage/")) {
                exchange.getResponseHeaders().add("ETag", "\"5d41402abc4b2a76b9719d911017c592\"");
                answer = new byte[0];
            } else if (path.equals("/v1/uploads/import")) {
                answer = """
                        {"success":true,"upload_session_id":"sess_002","files":[
                          {"file_id":"file_001","file_name":"a.pdf","success":true},
                          {"file_id":"file_002","file_name":"b.pdf","success":false,
                           "error":{"code":"FILE_TOO_LARGE","message":"too big","retryable":false,"details":null}}],
                         "completed_file_ids":["file_001"],"failed_file_ids":["file_002"]}"""
                        .getBytes(StandardCharsets.UTF_8);
            } else if (path.endsWith("/cancel")) {
                answer = """
                        {"success":true,"extraction_id":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","status":"processing",
                         "cancellation_requested":true,"cancel_requested_at":"2026-09-10T14:03:22.418Z"}"""
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                answer = "{\"success\":true,\"credits_balance\":150,\"credits_reserved\":10}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private InvoiceExtractionClient client() {
        return InvoiceExtractionClient.create(ClientOptions.builder(name -> null)
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                .apiKey(KEY).rateLimits(RateLimits.disabled()).sdk("wire-test", "9.9")
                .retryPolicy(new RetryPolicy(3, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(20),
                        java.time.Duration.ofSeconds(5))).build());
    }

    @Test
    void apiCallsCarryTheBearerKeyAndSdkHeaders() {
        try (InvoiceExtractionClient client = client()) {
            assertThat(client.getCreditsBalance().available()).isEqualTo(140);
        }

        Headers headers = headersByPath.get("/v1/credits/balance");
        assertThat(headers.getFirst("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(headers.getFirst("X-SDK-Name")).isEqualTo("wire-test");
        assertThat(headers.getFirst("X-SDK-Version")).isEqualTo("9.9");
    }

    @Test
    void importsAttachedFilesAndReportsEachOutcome() throws Exception {
        ImportResult result;
        try (InvoiceExtractionClient client = client()) {
            result = client.importAttachedFiles("sess_002", List.of(
                    new ImportFile("file_001", "a.pdf", "https://files.oaiusercontent.com/file-abc"),
                    new ImportFile("file_002", "b.pdf", "https://files.oaiusercontent.com/file-def")));
        }

        JsonNode sent = ApiJson.newMapper().readTree(bodiesByPath.get("/v1/uploads/import"));
        assertThat(sent.path("upload_session_id").asText()).isEqualTo("sess_002");
        assertThat(sent.path("files").get(1).path("url").asText()).isEqualTo("https://files.oaiusercontent.com/file-def");
        assertThat(result.completedFileIds()).containsExactly("file_001");
        assertThat(result.failedFileIds()).containsExactly("file_002");
        assertThat(result.files().get(1).error().code()).isEqualTo("FILE_TOO_LARGE");
    }

    @Test
    void aRecordedCancellationIsReportedAsRequestedWhileStillProcessing() {
        CancellationResult result;
        try (InvoiceExtractionClient client = client()) {
            result = client.cancelExtraction("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
        }

        assertThat(result.cancellationRequested()).isTrue();
        assertThat(result.cancelRequestedAt()).isEqualTo(Instant.parse("2026-09-10T14:03:22.418Z"));
        assertThat(result.status()).isInstanceOf(ExtractionStatus.Processing.class);
        assertThat(result.status().isTerminal()).isFalse();
    }

    @Test
    void aPartGoesToItsSignedUrlAsRawBytesWithoutAuthAndItsQuotedETagIsKept() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/storage/part-2?X-Sig=abc";
        byte[] file = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

        String eTag;
        try (InvoiceExtractionClient client = client()) {
            eTag = client.uploadPart(url, UploadSource.ofBytes("a.pdf", file), 10, 6);
        }

        assertThat(eTag).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
        Headers headers = headersByPath.get("/storage/part-2");
        assertThat(headers.containsKey("Authorization")).isFalse();
        assertThat(headers.containsKey("Content-Type")).isFalse();
        assertThat(headers.getFirst("Content-Length")).isEqualTo("6");
        assertThat(new String(bodiesByPath.get("/storage/part-2"), StandardCharsets.US_ASCII)).isEqualTo("abcdef");
        assertThat(List.of(headers.keySet().toArray())).noneMatch(name -> name.toString().startsWith("X-sdk"));
    }

    @Test
    void aFileTruncatedWhileItsPartIsSentIsASourceFailureNotAnUnreachableApi(@TempDir Path dir) throws IOException {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/storage/part-1?X-Sig=abc";
        Path file = Files.write(dir.resolve("shrinking.pdf"), new byte[256 * 1024]);
        UploadSource source = UploadSource.ofPath(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(1000);
        }

        Throwable thrown;
        try (InvoiceExtractionClient client = client()) {
            thrown = catchThrowable(() -> client.uploadPart(url, source, 0, source.sizeBytes()));
        }

        assertThat(thrown).isInstanceOf(UploadSourceException.class).hasMessageContaining("shrinking.pdf");
        assertThat(((UploadSourceException) thrown).sourceChanged()).isTrue();
        StageFailure failure = FailureClassifier.classify(thrown);
        assertThat(failure.code()).isEqualTo("SOURCE_CHANGED");
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void aFileDeletedBeforeItsPartIsSentIsAnUnreadableSource(@TempDir Path dir) throws IOException {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/storage/part-1?X-Sig=abc";
        Path file = Files.write(dir.resolve("gone.pdf"), new byte[1024]);
        UploadSource source = UploadSource.ofPath(file);
        Files.delete(file);

        Throwable thrown;
        try (InvoiceExtractionClient client = client()) {
            thrown = catchThrowable(() -> client.uploadPart(url, source, 0, source.sizeBytes()));
        }

        assertThat(FailureClassifier.classify(thrown).code()).isEqualTo("SOURCE_UNREADABLE");
        assertThat(thrown).isInstanceOfSatisfying(UploadSourceException.class,
                e -> assertThat(e.sourceChanged()).isFalse());
    }
}
