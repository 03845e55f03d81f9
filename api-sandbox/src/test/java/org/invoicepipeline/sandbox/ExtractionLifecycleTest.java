package org.invoicepipeline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.invoicepipeline.sandbox.SandboxClient.Reply;
import org.invoicepipeline.sandbox.engine.ExtractionFailureCode;

/** Processing on the simulated clock, credits, failures, cancel, delete, results, outputs, list and details. */
class ExtractionLifecycleTest {

    private static final String KEY = "life-key";
    private static final Duration PAGE = Duration.ofMillis(40);

    static ApiSandbox sandbox;
    static SandboxClient client;

    @BeforeAll
    static void start() {
        sandbox = ApiSandbox.builder().apiKey(KEY).apiKey("other-key").rateLimitScale(0).pageProcessingTime(PAGE).start();
        client = new SandboxClient(sandbox, KEY);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String submitOne(String name, int sample) {
        Samples.uploadOne(client, name, sample);
        return client.submit(Samples.submission(name, name, List.of("f1")));
    }

    @Test
    void completesWithChargedPagesRowsAndSignedOutputs() {
        long before = sandbox.control().credits(KEY).balance();
        String id = submitOne("happy", 3);
        JsonNode done = client.awaitNotProcessing(id, Duration.ofSeconds(20));
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("success").asBoolean()).isTrue();
        assertThat(done.path("credits_deducted").asLong()).isEqualTo(1);
        assertThat(done.path("credits_balance").asLong()).isEqualTo(before - 1);
        assertThat(done.path("credits_reserved").asLong()).isZero();
        assertThat(done.path("output_structure").asText()).isEqualTo("per_invoice");
        assertThat(done.path("pages").path("successful_count").asInt()).isEqualTo(1);
        assertThat(done.path("review_needed").path("count").isInt()).isTrue();
        assertThat(done.path("ai_uncertainty_notes").isArray()).isTrue();
        assertThat(done.path("output_expires_at").asText()).endsWith("Z");
        for (String format : List.of("xlsx", "csv", "json")) {
            String url = done.path("output").path(format + "_url").asText();
            Reply file = client.getUrl(url);
            assertThat(file.status()).as(format).isEqualTo(200);
            assertThat(file.raw()).isNotEmpty();
        }
        assertThat(sandbox.control().counters(KEY).pagesCharged()).isGreaterThanOrEqualTo(1);

        Reply output = client.get("/extractions/" + id + "/output?format=csv");
        assertThat(output.status()).isEqualTo(200);
        assertThat(output.body().path("format").asText()).isEqualTo("csv");
        assertThat(output.body().path("expires_in_seconds").asInt()).isEqualTo(300);
        assertThat(output.body().has("success")).isFalse();
        Reply csv = client.getUrl(output.body().path("download_url").asText());
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(new String(csv.raw())).startsWith("Invoice Number,Invoice Date,Vendor Name,Total Amount,Source File,Review Needed");

        Reply missingFormat = client.get("/extractions/" + id + "/output");
        assertThat(missingFormat.errorCode()).isEqualTo("INVALID_INPUT");
        assertThat(client.get("/extractions/" + id + "/output?format=pdf").errorCode()).isEqualTo("INVALID_INPUT");

        Reply details = client.get("/extractions/" + id + "/details");
        JsonNode record = details.body().path("extraction");
        assertThat(details.body().path("success").asBoolean()).isTrue();
        assertThat(record.path("submission_id").asText()).isEqualTo("happy");
        assertThat(record.path("file_names").get(0).asText()).isEqualTo("invoice-3.pdf");
        assertThat(record.path("prompt").asText()).startsWith("Extract invoice number");
        assertThat(record.path("options").path("json_typed_values").asBoolean()).isTrue();
        assertThat(record.path("options").path("review_needed_fill_color").asText()).isEqualTo("orange");
        assertThat(record.path("available_outputs").toString()).isEqualTo("[\"xlsx\",\"csv\",\"json\"]");
        assertThat(record.path("pages").path("successful_count").asInt()).isEqualTo(1);
        assertThat(record.has("output")).isFalse();
    }

    @Test
    void creditsAreReservedWhileProcessingAndChargedAtCompletion() {
        String key = "reserve-key";
        try (ApiSandbox slow = ApiSandbox.builder().apiKey(key).rateLimitScale(0).pageProcessingTime(Duration.ofSeconds(1)).start()) {
            SandboxClient mine = new SandboxClient(slow, key);
            mine.uploadFile("mp", "f1", "multi.pdf", Samples.GENERATOR.toPdf(Samples.GENERATOR.multiPage(1)));
            String id = mine.submit(Samples.submission("mp", "mp", List.of("f1")));
            await().atMost(Duration.ofSeconds(5)).until(() -> slow.control().credits(key).reserved() == 2);
            JsonNode balance = mine.get("/credits/balance").body();
            assertThat(balance.path("credits_reserved").asLong()).isEqualTo(2);
            assertThat(balance.path("credits_balance").asLong()).isEqualTo(10_000);
            JsonNode done = mine.awaitNotProcessing(id, Duration.ofSeconds(20));
            assertThat(done.path("credits_deducted").asLong()).isEqualTo(2);
            assertThat(done.path("credits_reserved").asLong()).isZero();
            assertThat(done.path("credits_balance").asLong()).isEqualTo(9_998);
            assertThat(slow.control().counters(key).pagesCharged()).isEqualTo(2);
        }
    }

    @Test
    void pagesAreProcessedSeveralAtATime() {
        String key = "parallel-key";
        try (ApiSandbox parallel = ApiSandbox.builder().apiKey(key).rateLimitScale(0).pageProcessingTime(Duration.ofMillis(800))
                .pagesInParallel(4).start()) {
            SandboxClient client = new SandboxClient(parallel, key);
            // four two-page invoices: eight pages in one extraction
            Map<String, Map.Entry<String, byte[]>> files = new java.util.LinkedHashMap<>();
            for (int i = 1; i <= 4; i++) {
                files.put("f" + i, Map.entry("multi-" + i + ".pdf", Samples.GENERATOR.toPdf(Samples.GENERATOR.multiPage(i))));
            }
            client.uploadFiles("mp8", files);
            long start = System.nanoTime();
            String id = client.submit(Samples.submission("mp8", "mp8", List.of("f1", "f2", "f3", "f4")));
            // 8 pages, 4 at a time: two page times (1.6 s), not eight (6.4 s); half done after the first
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> client.get("/extractions/" + id).body().path("progress").asInt() == 50);
            JsonNode done = client.awaitNotProcessing(id, Duration.ofSeconds(20));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(done.path("status").asText()).isEqualTo("completed");
            assertThat(done.path("credits_deducted").asLong()).isEqualTo(8);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1600)).isLessThan(Duration.ofMillis(4800));
        }
    }

    @Test
    void progressIsReportedWhileProcessing() {
        String key = "slow-key";
        try (ApiSandbox slow = ApiSandbox.builder().apiKey(key).rateLimitScale(0).pageProcessingTime(Duration.ofMillis(1500))
                .pagesInParallel(1).start()) {
            SandboxClient slowClient = new SandboxClient(slow, key);
            byte[] pdf = Samples.GENERATOR.toPdf(Samples.GENERATOR.multiPage(2));
            slowClient.uploadFile("mp", "f1", "multi.pdf", pdf);
            String id = slowClient.submit(Samples.submission("mp", "mp", List.of("f1")));
            JsonNode first = slowClient.get("/extractions/" + id).body();
            assertThat(first.path("status").asText()).isEqualTo("processing");
            assertThat(first.path("progress").asInt()).isZero();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> slowClient.get("/extractions/" + id).body().path("progress").asInt() == 50);
            Reply notYet = slowClient.get("/extractions/" + id + "/results");
            assertThat(notYet.status()).isEqualTo(404);
            assertThat(notYet.errorCode()).isEqualTo("OUTPUT_NOT_AVAILABLE");
            assertThat(slowClient.get("/extractions/" + id + "/output?format=json").errorCode()).isEqualTo("OUTPUT_NOT_AVAILABLE");
            Reply inProgress = slowClient.delete("/extractions/" + id);
            assertThat(inProgress.status()).isEqualTo(409);
            assertThat(inProgress.errorCode()).isEqualTo("EXTRACTION_IN_PROGRESS");
            JsonNode list = slowClient.get("/extractions?status=processing").body();
            assertThat(list.path("extractions").get(0).path("progress").asInt()).isGreaterThanOrEqualTo(50);
        }
    }

    @Test
    void failsWithInsufficientCreditsWhenPagesExceedTheUsableBalance() {
        String key = "broke-key";
        sandbox.control().addApiKey(key);
        SandboxClient mine = client.withKey(key);
        mine.uploadFile("mp", "f1", "multi.pdf", Samples.GENERATOR.toPdf(Samples.GENERATOR.multiPage(3)));
        sandbox.control().setCredits(key, 1);
        String id = mine.submit(Samples.submission("mp", "mp", List.of("f1")));
        JsonNode failed = mine.awaitNotProcessing(id, Duration.ofSeconds(10));
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("success").asBoolean()).isFalse();
        JsonNode error = failed.path("error");
        assertThat(error.path("code").asText()).isEqualTo("INSUFFICIENT_CREDITS");
        assertThat(error.path("retryable").asBoolean()).isFalse();
        assertThat(error.path("details").path("credits_required").asInt()).isEqualTo(2);
        assertThat(error.path("details").path("credits_balance").asInt()).isEqualTo(1);
        assertThat(error.path("details").path("credits_reserved").asInt()).isZero();
        assertThat(sandbox.control().credits(key).balance()).isEqualTo(1);

        JsonNode item = mine.get("/extractions?status=failed").body().path("extractions").get(0);
        assertThat(item.path("error").path("code").asText()).isEqualTo("INSUFFICIENT_CREDITS");
        assertThat(item.path("error").has("message")).isFalse();
        JsonNode details = mine.get("/extractions/" + id + "/details").body();
        assertThat(details.path("success").asBoolean()).isTrue();
        assertThat(details.path("extraction").path("error").path("details").path("credits_required").asInt()).isEqualTo(2);
        Reply notCancellable = mine.post("/extractions/" + id + "/cancel", Map.of());
        assertThat(notCancellable.status()).isEqualTo(409);
        assertThat(notCancellable.errorCode()).isEqualTo("EXTRACTION_NOT_CANCELLABLE");
        assertThat(notCancellable.details().path("status").asText()).isEqualTo("failed");
    }

    @Test
    void readsDocumentsEncryptedCorruptAndImages() {
        Samples.GENERATOR.generate(4);
        client.uploadFiles("docs", Map.of(
                "enc", Map.entry("locked.pdf", Samples.GENERATOR.toEncryptedPdf(Samples.invoice(4))),
                "bad", Map.entry("damaged.pdf", Samples.GENERATOR.toCorruptPdf(Samples.invoice(5))),
                "img", Map.entry("scan.png", Samples.GENERATOR.toPng(Samples.invoice(6))),
                "ok", Map.entry("fine.pdf", Samples.pdf(7))));
        String encrypted = client.submit(Samples.submission("enc", "docs", List.of("ok", "enc")));
        JsonNode failed = client.awaitNotProcessing(encrypted, Duration.ofSeconds(10));
        assertThat(failed.path("error").path("code").asText()).isEqualTo("ENCRYPTED_FILE");
        assertThat(failed.path("error").path("details").path("file_names").toString()).isEqualTo("[\"locked.pdf\"]");

        long before = sandbox.control().credits(KEY).balance();
        String mixed = client.submit(Samples.submission("mixed", "docs", List.of("ok", "bad", "img")));
        JsonNode done = client.awaitNotProcessing(mixed, Duration.ofSeconds(10));
        assertThat(done.path("status").asText()).isEqualTo("completed");
        JsonNode pages = done.path("pages");
        assertThat(pages.path("successful_count").asInt()).isEqualTo(2);
        assertThat(pages.path("failed_count").asInt()).isEqualTo(1);
        assertThat(pages.path("failed").get(0).path("file_name").asText()).isEqualTo("damaged.pdf");
        assertThat(pages.path("failure_reasons").get(0).path("affected_pages").get(0).path("pages").toString()).isEqualTo("[1]");
        assertThat(done.path("credits_deducted").asInt()).isEqualTo(2);
        assertThat(sandbox.control().credits(KEY).balance()).isEqualTo(before - 2);
        assertThat(done.path("review_needed").path("count").asInt()).isPositive();
    }

    @Test
    void concurrencyLimitFailsTheExcessRetryably() {
        String key = "busy-key";
        try (ApiSandbox busy = ApiSandbox.builder().apiKey(key).rateLimitScale(0).concurrentTaskLimit(2)
                .pageProcessingTime(Duration.ofSeconds(30)).start()) {
            SandboxClient busyClient = new SandboxClient(busy, key);
            Samples.uploadOne(busyClient, "s", 1);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(busyClient.submit(Samples.submission("sub-" + i, "s", List.of("f1"))));
            }
            JsonNode third = busyClient.get("/extractions/" + ids.get(2)).body();
            assertThat(third.path("status").asText()).isEqualTo("failed");
            assertThat(third.path("error").path("code").asText()).isEqualTo("CONCURRENT_TASK_LIMIT");
            assertThat(third.path("error").path("retryable").asBoolean()).isTrue();
            assertThat(busyClient.get("/extractions/" + ids.get(0)).body().path("status").asText()).isEqualTo("processing");
            assertThat(busy.control().counters(key).maxConcurrentExtractions()).isEqualTo(2);

            Reply requested = busyClient.post("/extractions/" + ids.get(0) + "/cancel", null);
            assertThat(requested.status()).isEqualTo(200);
            assertThat(requested.body().path("status").asText()).isEqualTo("processing");
            assertThat(requested.body().path("cancellation_requested").asBoolean()).isTrue();
            String requestedAt = requested.body().path("cancel_requested_at").asText();
            Reply repeat = busyClient.post("/extractions/" + ids.get(0) + "/cancel", null);
            assertThat(repeat.body().path("cancel_requested_at").asText()).isEqualTo(requestedAt);
        }
    }

    @Test
    void cancelStopsAtTheNextPageAndChargesTheWorkDone() {
        String key = "cancel-key";
        try (ApiSandbox slow = ApiSandbox.builder().apiKey(key).rateLimitScale(0).pageProcessingTime(Duration.ofMillis(1500)).start()) {
            SandboxClient slowClient = new SandboxClient(slow, key);
            slowClient.uploadFile("mp", "f1", "multi.pdf", Samples.GENERATOR.toPdf(Samples.GENERATOR.multiPage(4)));
            String id = slowClient.submit(Samples.submission("mp", "mp", List.of("f1")));
            Reply requested = slowClient.post("/extractions/" + id + "/cancel", null);
            assertThat(requested.body().path("cancellation_requested").asBoolean()).isTrue();
            JsonNode cancelled = slowClient.awaitNotProcessing(id, Duration.ofSeconds(10));
            assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
            assertThat(cancelled.path("success").asBoolean()).isTrue();
            assertThat(cancelled.path("cancellation_reason").asText()).isEqualTo("user");
            assertThat(cancelled.path("credits_deducted").asInt()).isZero();
            assertThat(cancelled.path("credits_balance").asInt()).isEqualTo(10_000);
            assertThat(cancelled.path("credits_reserved").asInt()).isZero();
            Reply again = slowClient.post("/extractions/" + id + "/cancel", null);
            assertThat(again.body().path("status").asText()).isEqualTo("cancelled");
            assertThat(slowClient.delete("/extractions/" + id).status()).isEqualTo(200);
        }
    }

    @Test
    void resultsPageConsistentlyWithTheJsonFile() throws Exception {
        List<String> ids = new ArrayList<>();
        Map<String, Map.Entry<String, byte[]>> files = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 5; i++) {
            files.put("f" + i, Map.entry("invoice-" + i + ".pdf", Samples.pdf(10 + i)));
            ids.add("f" + i);
        }
        client.uploadFiles("paging", files);
        String id = client.submit(Samples.submission("paging", "paging", ids));
        assertThat(client.awaitNotProcessing(id, Duration.ofSeconds(20)).path("status").asText()).isEqualTo("completed");

        Reply page1 = client.get("/extractions/" + id + "/results?offset=0&limit=2");
        assertThat(page1.body().path("row_count").asInt()).isEqualTo(2);
        assertThat(page1.body().path("total_rows").asInt()).isEqualTo(5);
        assertThat(page1.body().path("has_more").asBoolean()).isTrue();
        assertThat(page1.body().path("next_offset").asInt()).isEqualTo(2);
        Reply last = client.get("/extractions/" + id + "/results?offset=4&limit=2");
        assertThat(last.body().path("row_count").asInt()).isEqualTo(1);
        assertThat(last.body().path("has_more").asBoolean()).isFalse();
        assertThat(last.body().path("next_offset").isNull()).isTrue();
        Reply beyond = client.get("/extractions/" + id + "/results?offset=10");
        assertThat(beyond.body().path("rows")).isEmpty();

        List<JsonNode> paged = new ArrayList<>();
        int offset = 0;
        while (true) {
            JsonNode page = client.get("/extractions/" + id + "/results?offset=" + offset + "&limit=2").body();
            page.path("rows").forEach(paged::add);
            if (!page.path("has_more").asBoolean()) {
                break;
            }
            offset = page.path("next_offset").asInt();
        }
        String jsonUrl = client.get("/extractions/" + id + "/output?format=json").body().path("download_url").asText();
        JsonNode file = SandboxClient.JSON.readTree(client.getUrl(jsonUrl).raw());
        assertThat((JsonNode) SandboxClient.JSON.valueToTree(paged)).isEqualTo(file);

        assertThat(client.get("/extractions/" + id + "/results?limit=0").errorCode()).isEqualTo("INVALID_INPUT");
        assertThat(client.get("/extractions/" + id + "/results?limit=1001").errorCode()).isEqualTo("INVALID_INPUT");
        assertThat(client.get("/extractions/" + id + "/results?offset=-1").errorCode()).isEqualTo("INVALID_INPUT");
    }

    @Test
    void listsNewestFirstWithFiltersAndAnOpaqueCursor() {
        String key = "list-key";
        sandbox.control().addApiKey(key);
        SandboxClient mine = client.withKey(key);
        Samples.uploadOne(mine, "ls", 20);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(mine.submit(Samples.submission("list-" + i, "ls", List.of("f1"))));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = mine.get("/extractions?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.body().path("extractions").forEach(item -> seen.add(item.path("extraction_id").asText()));
            cursor = page.body().path("has_more").asBoolean() ? page.body().path("next_cursor").asText() : null;
            if (cursor == null) {
                assertThat(page.body().path("next_cursor").isNull()).isTrue();
            }
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        List<String> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);

        JsonNode item = mine.get("/extractions?limit=1").body().path("extractions").get(0);
        assertThat(item.path("submission_id").asText()).isEqualTo("list-6");
        assertThat(item.path("submission_method").asText()).isEqualTo("api");
        assertThat(item.path("file_count").asInt()).isEqualTo(1);
        assertThat(item.path("file_names_preview").toString()).isEqualTo("[\"invoice-20.pdf\"]");
        assertThat(item.path("file_names_truncated").asBoolean()).isFalse();

        assertThat(mine.get("/extractions?submission_method=web_app").body().path("extractions")).isEmpty();
        assertThat(mine.get("/extractions?created_after=2999-01-01T00:00:00Z").body().path("extractions")).isEmpty();
        assertThat(mine.get("/extractions?created_before=2999-01-01T00:00:00%2B02:00").body().path("extractions")).hasSize(7);
        assertThat(mine.get("/extractions?created_after=2020-01-01T00:00:00").errorCode()).isEqualTo("INVALID_INPUT");
        assertThat(mine.get("/extractions?cursor=bm90LWEtY3Vyc29y").errorCode()).isEqualTo("INVALID_INPUT");
        assertThat(mine.get("/extractions?limit=101").errorCode()).isEqualTo("INVALID_INPUT");
        assertThat(mine.get("/extractions?status=done").errorCode()).isEqualTo("INVALID_INPUT");
        Reply team = mine.get("/extractions?scope=team");
        assertThat(team.status()).isEqualTo(403);
        assertThat(team.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(mine.get("/extractions?scope=own").status()).isEqualTo(200);
        assertThat(mine.get("/extractions?scope=all").errorCode()).isEqualTo("INVALID_INPUT");
    }

    @Test
    void eachKeyIsItsOwnAccount() {
        String id = submitOne("isolated", 8);
        SandboxClient other = client.withKey("other-key");
        Reply foreign = other.get("/extractions/" + id);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.errorCode()).isEqualTo("EXTRACTION_NOT_FOUND");
        assertThat(other.get("/extractions/" + id + "/details").errorCode()).isEqualTo("EXTRACTION_NOT_FOUND");
        assertThat(other.delete("/extractions/" + id).errorCode()).isEqualTo("EXTRACTION_NOT_FOUND");
        assertThat(other.post("/extractions/" + id + "/cancel", null).errorCode()).isEqualTo("EXTRACTION_NOT_FOUND");
        assertThat(other.get("/extractions").body().path("extractions")).isEmpty();
        Reply otherSession = other.post("/extractions", Samples.submission("isolated", "isolated", List.of("f1")));
        assertThat(otherSession.errorCode()).isEqualTo("INVALID_INPUT");
        assertThat(other.get("/credits/balance").body().path("credits_balance").asLong()).isEqualTo(10_000);
        assertThat(client.get("/extractions/not-a-uuid").errorCode()).isEqualTo("INVALID_INPUT");
        assertThat(client.get("/extractions/00000000-0000-0000-0000-000000000000").errorCode()).isEqualTo("EXTRACTION_NOT_FOUND");
        assertThat(client.awaitNotProcessing(id, Duration.ofSeconds(10)).path("status").asText()).isEqualTo("completed");
    }

    @Test
    void deletingRemovesTheExtractionAndItsOutputs() {
        String id = submitOne("deleted", 9);
        JsonNode done = client.awaitNotProcessing(id, Duration.ofSeconds(10));
        String url = done.path("output").path("json_url").asText();
        Reply deleted = client.delete("/extractions/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().toString()).isEqualTo("{\"success\":true}");
        assertThat(client.get("/extractions/" + id).errorCode()).isEqualTo("EXTRACTION_NOT_FOUND");
        assertThat(client.getUrl(url).status()).isEqualTo(404);
        assertThat(client.delete("/extractions/" + id).errorCode()).isEqualTo("EXTRACTION_NOT_FOUND");
    }

    @Test
    void outputUrlsExpireAndOutputsExpireAfterRetention() {
        String key = "retention-key";
        try (ApiSandbox shortLived = ApiSandbox.builder().apiKey(key).rateLimitScale(0).pageProcessingTime(PAGE)
                .outputRetention(Duration.ofDays(1)).start()) {
            SandboxClient mine = new SandboxClient(shortLived, key);
            Samples.uploadOne(mine, "r", 12);
            String id = mine.submit(Samples.submission("r", "r", List.of("f1")));
            JsonNode done = mine.awaitNotProcessing(id, Duration.ofSeconds(10));
            String url = done.path("output").path("xlsx_url").asText();

            shortLived.control().advanceClock(Duration.ofMinutes(5).plusSeconds(1));
            Reply expiredUrl = mine.getUrl(url);
            assertThat(expiredUrl.status()).isEqualTo(403);
            assertThat(new String(expiredUrl.raw())).contains("Request has expired");
            String fresh = mine.get("/extractions/" + id + "/output?format=xlsx").body().path("download_url").asText();
            assertThat(mine.getUrl(fresh).status()).isEqualTo(200);

            shortLived.control().expireIssuedSignedUrls();
            assertThat(mine.getUrl(fresh).status()).isEqualTo(403);

            shortLived.control().advanceClock(Duration.ofDays(1));
            Reply expired = mine.get("/extractions/" + id + "/output?format=xlsx");
            assertThat(expired.status()).isEqualTo(404);
            assertThat(expired.errorCode()).isEqualTo("OUTPUT_EXPIRED");
            assertThat(mine.get("/extractions/" + id + "/results").errorCode()).isEqualTo("OUTPUT_EXPIRED");
            JsonNode status = mine.get("/extractions/" + id).body();
            assertThat(status.path("output").path("json_url").isNull()).isTrue();
        }
    }

    @Test
    void forcedExtractionFailuresAreReported() {
        Samples.uploadOne(client, "forced", 13);
        sandbox.control().failNextExtractions(ExtractionFailureCode.SUBMISSION_STALLED, 1);
        String id = client.submit(Samples.submission("forced", "forced", List.of("f1")));
        JsonNode failed = client.awaitNotProcessing(id, Duration.ofSeconds(10));
        assertThat(failed.path("error").path("code").asText()).isEqualTo("SUBMISSION_STALLED");
        assertThat(failed.path("error").path("retryable").asBoolean()).isTrue();
        assertThat(failed.path("error").path("message").asText()).isNotBlank();
        assertThat(failed.path("error").has("details")).isTrue();

        sandbox.control().failNextExtractions(ExtractionFailureCode.CONCURRENT_TASK_LIMIT, 1);
        String second = client.submit(Samples.submission("forced-2", "forced", List.of("f1")));
        assertThat(client.awaitNotProcessing(second, Duration.ofSeconds(10)).path("error").path("code").asText())
                .isEqualTo("CONCURRENT_TASK_LIMIT");
        String third = client.submit(Samples.submission("forced-3", "forced", List.of("f1")));
        assertThat(client.awaitNotProcessing(third, Duration.ofSeconds(10)).path("status").asText()).isEqualTo("completed");
    }

    private static byte[] blankPdf(int pages) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void failsFilesOverThePageLimitAndFilesWithoutPages() throws Exception {
        client.uploadFiles("limits", Map.of(
                "huge", Map.entry("huge.pdf", blankPdf(5_001)),
                "empty", Map.entry("empty.pdf", blankPdf(0))));
        String tooLong = client.submit(Samples.submission("huge", "limits", List.of("huge")));
        JsonNode failed = client.awaitNotProcessing(tooLong, Duration.ofSeconds(20));
        assertThat(failed.path("error").path("code").asText()).isEqualTo("FILE_PAGE_LIMIT_EXCEEDED");
        assertThat(failed.path("error").path("retryable").asBoolean()).isFalse();
        assertThat(failed.path("error").path("details").path("file_names").toString()).isEqualTo("[\"huge.pdf\"]");

        String empty = client.submit(Samples.submission("empty", "limits", List.of("empty")));
        assertThat(client.awaitNotProcessing(empty, Duration.ofSeconds(10)).path("error").path("code").asText())
                .isEqualTo("NO_PAGES_FOUND");
    }
}
