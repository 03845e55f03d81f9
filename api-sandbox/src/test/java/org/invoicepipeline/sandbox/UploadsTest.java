package org.invoicepipeline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.invoicepipeline.sandbox.SandboxClient.Reply;

/** createUploadSession, getUploadPartUrls, the signed PUT and completeFileUpload. */
class UploadsTest {

    private static final String KEY = "uploads-key";
    private static final long PART_SIZE = 1024;

    static ApiSandbox sandbox;
    static SandboxClient client;

    @BeforeAll
    static void start() {
        sandbox = ApiSandbox.builder().apiKey(KEY).partSizeBytes(PART_SIZE).rateLimitScale(0).start();
        client = new SandboxClient(sandbox, KEY);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Map<String, Object> file(String id, String name, long size) {
        return Map.of("file_id", id, "file_name", name, "file_size_bytes", size);
    }

    private static Reply createSession(String sessionId, Object... files) {
        return client.post("/uploads/sessions", Map.of("upload_session_id", sessionId, "files", List.of(files)));
    }

    private static byte[] bytes(int size, int seed) {
        byte[] content = new byte[size];
        for (int i = 0; i < size; i++) {
            content[i] = (byte) (i * 31 + seed);
        }
        return content;
    }

    @Test
    void createsSessionWithPartSizeAndRepeatsItIdempotently() {
        long before = sandbox.control().counters(KEY).sessionsCreated();
        Reply first = createSession("idem-1", file("a", "a.pdf", 10), file("b", "b.PNG", 20));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("success").asBoolean()).isTrue();
        assertThat(first.body().path("upload_session_id").asText()).isEqualTo("idem-1");
        assertThat(first.body().path("files")).hasSize(2);
        assertThat(first.body().path("files").get(0).path("part_size").asLong()).isEqualTo(PART_SIZE);
        assertThat(first.body().path("files").get(1).path("file_name").asText()).isEqualTo("b.PNG");

        Reply repeat = createSession("idem-1", file("a", "a.pdf", 10), file("b", "b.PNG", 20));
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(sandbox.control().counters(KEY).sessionsCreated()).isEqualTo(before + 1);

        Reply different = createSession("idem-1", file("a", "a.pdf", 11), file("b", "b.PNG", 20));
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.errorCode()).isEqualTo("SESSION_ALREADY_INITIALIZED");
        assertThat(different.body().path("error").path("retryable").asBoolean()).isFalse();
    }

    @Test
    void refusesDuplicateIdsNamesAndOversizedFiles() {
        Reply duplicateId = createSession("dup-id", file("a", "a.pdf", 10), file("a", "b.pdf", 10));
        assertThat(duplicateId.status()).isEqualTo(400);
        assertThat(duplicateId.errorCode()).isEqualTo("DUPLICATE_FILE_ID");

        Reply duplicateName = createSession("dup-name", file("a", "a.pdf", 10), file("b", "a.pdf", 10));
        assertThat(duplicateName.status()).isEqualTo(400);
        assertThat(duplicateName.errorCode()).isEqualTo("DUPLICATE_FILE_NAME");

        Reply bigPdf = createSession("big-pdf", file("a", "a.pdf", 157_286_401L));
        assertThat(bigPdf.status()).isEqualTo(400);
        assertThat(bigPdf.errorCode()).isEqualTo("FILE_TOO_LARGE");
        assertThat(bigPdf.details().path("file_name").asText()).isEqualTo("a.pdf");
        assertThat(bigPdf.details().path("max_size_bytes").asLong()).isEqualTo(157_286_400L);
        assertThat(createSession("ok-pdf", file("a", "a.pdf", 157_286_400L)).status()).isEqualTo(200);

        Reply bigImage = createSession("big-jpg", file("a", "a.jpeg", 5_242_881L));
        assertThat(bigImage.errorCode()).isEqualTo("FILE_TOO_LARGE");
        assertThat(bigImage.details().path("max_size_bytes").asLong()).isEqualTo(5_242_880L);

        Object[] fourteenLargePdfs = IntStream.range(0, 14)
                .mapToObj(i -> file("f" + i, "f" + i + ".pdf", 157_286_400L)).toArray();
        Reply total = createSession("too-much", fourteenLargePdfs);
        assertThat(total.status()).isEqualTo(400);
        assertThat(total.errorCode()).isEqualTo("TOTAL_UPLOAD_SIZE_LIMIT_EXCEEDED");
    }

    @Test
    void validatesTheSessionRequestAgainstTheSchema() {
        Reply badName = createSession("v-1", file("a", "invoice.docx", 10));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.errorCode()).isEqualTo("INVALID_INPUT");
        JsonNode issue = badName.details().path("issues").get(0);
        assertThat(issue.path("message").asText()).contains(".pdf, .jpg, .jpeg, or .png");
        assertThat(issue.path("path").toString()).isEqualTo("[\"files\",0,\"file_name\"]");

        Reply many = client.post("/uploads/sessions", Map.of("upload_session_id", "bad id!", "extra", 1,
                "files", List.of(Map.of("file_id", "a", "file_name", " a.pdf", "file_size_bytes", 0))));
        assertThat(many.status()).isEqualTo(400);
        List<String> paths = new ArrayList<>();
        many.details().path("issues").forEach(i -> paths.add(i.path("path").toString()));
        assertThat(paths).containsExactlyInAnyOrder("[\"extra\"]", "[\"upload_session_id\"]",
                "[\"files\",0,\"file_name\"]", "[\"files\",0,\"file_size_bytes\"]");

        assertThat(createSession("v-2", file("a", "dir/a.pdf", 10)).errorCode()).isEqualTo("INVALID_INPUT");
        assertThat(client.post("/uploads/sessions", Map.of("upload_session_id", "v-3", "files", List.of()))
                .errorCode()).isEqualTo("INVALID_INPUT");
        assertThat(client.postRaw("/uploads/sessions", "{not json").errorCode()).isEqualTo("INVALID_INPUT");
        assertThat(createSession("x".repeat(201), file("a", "a.pdf", 1)).errorCode()).isEqualTo("INVALID_INPUT");
    }

    @Test
    void refusesSessionsWhenFewerCreditsThanFiles() {
        String key = "poor-key";
        sandbox.control().addApiKey(key).setCredits(key, 1);
        Reply reply = client.withKey(key).post("/uploads/sessions", Map.of("upload_session_id", "poor",
                "files", List.of(file("a", "a.pdf", 10), file("b", "b.pdf", 10))));
        assertThat(reply.status()).isEqualTo(402);
        assertThat(reply.errorCode()).isEqualTo("INSUFFICIENT_CREDITS");
        assertThat(reply.details().path("credits_balance").asLong()).isEqualTo(1);
        assertThat(reply.details().path("credits_reserved").asLong()).isZero();
        assertThat(reply.details().path("file_count").asInt()).isEqualTo(2);
    }

    @Test
    void uploadsPartsToSignedUrlsWithMd5EtagsAndCompletesOnce() {
        byte[] content = bytes(2500, 7);
        assertThat(createSession("multi", file("m", "m.pdf", content.length)).status()).isEqualTo(200);
        Reply urls = client.post("/uploads/sessions/multi/parts", Map.of("file_id", "m", "part_numbers", List.of(1, 2, 3, 2)));
        assertThat(urls.status()).isEqualTo(200);
        assertThat(urls.body().path("part_size").asLong()).isEqualTo(PART_SIZE);
        assertThat(urls.body().path("file_name").asText()).isEqualTo("m.pdf");
        assertThat(urls.body().path("part_urls")).hasSize(3);

        List<Map<String, Object>> parts = new ArrayList<>();
        for (JsonNode part : urls.body().path("part_urls")) {
            int number = part.path("part_number").asInt();
            byte[] slice = Arrays.copyOfRange(content, (number - 1) * 1024, Math.min(content.length, number * 1024));
            Reply put = client.putUrl(part.path("url").asText(), slice);
            assertThat(put.status()).isEqualTo(200);
            assertThat(put.header("ETag")).isEqualTo(SandboxClient.md5Quoted(slice));
            parts.add(Map.of("part_number", number, "e_tag", put.header("ETag")));
        }
        long completedBefore = sandbox.control().counters(KEY).filesCompleted();
        Reply complete = client.post("/uploads/sessions/multi/complete", Map.of("file_id", "m", "parts", parts));
        assertThat(complete.status()).isEqualTo(200);
        assertThat(complete.body().path("status").asText()).isEqualTo("completed");
        assertThat(complete.body().path("file_name").asText()).isEqualTo("m.pdf");

        Reply again = client.post("/uploads/sessions/multi/complete", Map.of("file_id", "m", "parts", parts));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("success").asBoolean()).isTrue();
        assertThat(again.body().has("status")).isFalse();
        assertThat(sandbox.control().counters(KEY).filesCompleted()).isEqualTo(completedBefore + 1);

        Reply moreUrls = client.post("/uploads/sessions/multi/parts", Map.of("file_id", "m", "part_numbers", List.of(1)));
        assertThat(moreUrls.status()).isEqualTo(409);
        assertThat(moreUrls.errorCode()).isEqualTo("FILE_NOT_UPLOADABLE");
        Reply lateUpload = client.putUrl(urls.body().path("part_urls").get(0).path("url").asText(), new byte[] {1});
        assertThat(lateUpload.status()).isEqualTo(404);
        assertThat(new String(lateUpload.raw())).contains("NoSuchUpload");
    }

    @Test
    void checksCompletionPartsAndSize() {
        byte[] content = bytes(1500, 3);
        createSession("checks", file("c", "c.pdf", content.length), file("d", "d.pdf", 10));
        Reply urls = client.post("/uploads/sessions/checks/parts", Map.of("file_id", "c", "part_numbers", List.of(1, 2)));
        String etag1 = client.putUrl(urls.body().path("part_urls").get(0).path("url").asText(),
                Arrays.copyOfRange(content, 0, 1024)).header("ETag");

        Reply missing = client.post("/uploads/sessions/checks/complete",
                Map.of("file_id", "c", "parts", List.of(Map.of("part_number", 1, "e_tag", etag1))));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("INVALID_COMPLETION_PARTS");
        assertThat(missing.details().path("reason").asText()).contains("missing part number(s) [2]");

        Reply notUploaded = client.post("/uploads/sessions/checks/complete", Map.of("file_id", "c", "parts", List.of(
                Map.of("part_number", 1, "e_tag", etag1), Map.of("part_number", 2, "e_tag", "\"abc\""))));
        assertThat(notUploaded.details().path("reason").asText()).contains("Part 2 was never uploaded");

        String etag2 = client.putUrl(urls.body().path("part_urls").get(1).path("url").asText(),
                Arrays.copyOfRange(content, 1024, 1400)).header("ETag");
        Reply wrongTag = client.post("/uploads/sessions/checks/complete", Map.of("file_id", "c", "parts", List.of(
                Map.of("part_number", 1, "e_tag", etag2), Map.of("part_number", 2, "e_tag", etag2))));
        assertThat(wrongTag.errorCode()).isEqualTo("INVALID_COMPLETION_PARTS");
        assertThat(wrongTag.details().path("reason").asText()).contains("e_tag of part 1");

        Reply beyond = client.post("/uploads/sessions/checks/complete", Map.of("file_id", "c", "parts", List.of(
                Map.of("part_number", 1, "e_tag", etag1), Map.of("part_number", 2, "e_tag", etag2),
                Map.of("part_number", 3, "e_tag", etag2))));
        assertThat(beyond.details().path("reason").asText()).contains("beyond");

        Reply shortFile = client.post("/uploads/sessions/checks/complete", Map.of("file_id", "c", "parts", List.of(
                Map.of("part_number", 1, "e_tag", etag1), Map.of("part_number", 2, "e_tag", etag2))));
        assertThat(shortFile.status()).isEqualTo(422);
        assertThat(shortFile.errorCode()).isEqualTo("OBJECT_SIZE_MISMATCH");
        assertThat(shortFile.details().path("declared_size_bytes").asLong()).isEqualTo(1500);
        assertThat(shortFile.details().path("actual_size_bytes").asLong()).isEqualTo(1400);

        Reply unknownFile = client.post("/uploads/sessions/checks/complete",
                Map.of("file_id", "zzz", "parts", List.of(Map.of("part_number", 1, "e_tag", etag1))));
        assertThat(unknownFile.status()).isEqualTo(404);
        assertThat(unknownFile.errorCode()).isEqualTo("FILE_NOT_FOUND");
        Reply unknownForUrls = client.post("/uploads/sessions/checks/parts", Map.of("file_id", "zzz", "part_numbers", List.of(1)));
        assertThat(unknownForUrls.errorCode()).isEqualTo("FILE_NOT_FOUND");

        Reply badParts = client.post("/uploads/sessions/checks/complete", Map.of("file_id", "c", "parts",
                List.of(Map.of("part_number", 0, "e_tag", ""))));
        assertThat(badParts.errorCode()).isEqualTo("INVALID_INPUT");
        assertThat(badParts.details().path("issues")).hasSize(2);

        assertThat(sandbox.control().abortFile(KEY, "checks", "d")).isTrue();
        Reply aborted = client.post("/uploads/sessions/checks/complete",
                Map.of("file_id", "d", "parts", List.of(Map.of("part_number", 1, "e_tag", etag1))));
        assertThat(aborted.status()).isEqualTo(409);
        assertThat(aborted.errorCode()).isEqualTo("FILE_ABORTED");

        assertThat(sandbox.control().expireUploadSession(KEY, "checks")).isTrue();
        Reply gone = client.post("/uploads/sessions/checks/complete", Map.of("file_id", "c", "parts", List.of(
                Map.of("part_number", 1, "e_tag", etag1))));
        assertThat(gone.status()).isEqualTo(409);
        assertThat(gone.errorCode()).isEqualTo("UPLOAD_ID_NOT_FOUND");
    }

    @Test
    void validatesPartNumbers() {
        createSession("numbers", file("n", "n.pdf", 10));
        Reply tooHigh = client.post("/uploads/sessions/numbers/parts", Map.of("file_id", "n", "part_numbers", List.of(10_001)));
        assertThat(tooHigh.errorCode()).isEqualTo("INVALID_INPUT");
        assertThat(tooHigh.details().path("issues").get(0).path("path").toString()).isEqualTo("[\"part_numbers\",0]");
        Reply badSession = client.post("/uploads/sessions/bad%20id/parts", Map.of("file_id", "n", "part_numbers", List.of(1)));
        assertThat(badSession.errorCode()).isEqualTo("INVALID_INPUT");
        assertThat(badSession.details().path("issues").get(0).path("path").toString()).isEqualTo("[\"upload_session_id\"]");
        List<Integer> thousandAndOne = IntStream.rangeClosed(1, 1001).boxed().toList();
        assertThat(client.post("/uploads/sessions/numbers/parts", Map.of("file_id", "n", "part_numbers", thousandAndOne))
                .errorCode()).isEqualTo("INVALID_INPUT");
        assertThat(client.post("/uploads/sessions/numbers/parts", Map.of("file_id", "n", "part_numbers",
                IntStream.rangeClosed(1, 1000).boxed().toList())).body().path("part_urls")).hasSize(1000);
    }

    @Test
    void signedPartUrlsExpireAndRejectTampering() {
        createSession("expiry", file("e", "e.pdf", 4));
        String url = client.post("/uploads/sessions/expiry/parts", Map.of("file_id", "e", "part_numbers", List.of(1)))
                .body().path("part_urls").get(0).path("url").asText();
        Reply tampered = client.putUrl(url.replace("/e/1?", "/e/2?"), new byte[] {1, 2, 3, 4});
        assertThat(tampered.status()).isEqualTo(403);
        assertThat(new String(tampered.raw())).contains("SignatureDoesNotMatch");

        sandbox.control().advanceClock(Duration.ofMinutes(15).plusSeconds(1));
        Reply expired = client.putUrl(url, new byte[] {1, 2, 3, 4});
        assertThat(expired.status()).isEqualTo(403);
        assertThat(new String(expired.raw())).contains("Request has expired");

        String fresh = client.post("/uploads/sessions/expiry/parts", Map.of("file_id", "e", "part_numbers", List.of(1)))
                .body().path("part_urls").get(0).path("url").asText();
        assertThat(client.putUrl(fresh, new byte[] {1, 2, 3, 4}).status()).isEqualTo(200);
    }
}
