package org.invoicepipeline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.invoicepipeline.sandbox.SandboxClient.Reply;

/** submitExtraction: validation, idempotency, SUBMISSION_ID_ALREADY_USED, SUBMISSIONS_PAUSED. */
class SubmissionTest {

    private static final String KEY = "submit-key";

    static ApiSandbox sandbox;
    static SandboxClient client;

    @BeforeAll
    static void start() {
        sandbox = ApiSandbox.builder().apiKey(KEY).rateLimitScale(0).pageProcessingTime(Duration.ofMillis(10)).start();
        client = new SandboxClient(sandbox, KEY);
        client.uploadFiles("sess", Map.of(
                "f1", Map.entry("one.pdf", Samples.pdf(1)),
                "f2", Map.entry("two.pdf", Samples.pdf(2))));
        client.post("/uploads/sessions", Map.of("upload_session_id", "pending", "files",
                List.of(Map.of("file_id", "p1", "file_name", "p.pdf", "file_size_bytes", 100))));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void sameRequestUnderTheSameSubmissionIdReturnsTheSameExtraction() {
        Map<String, Object> body = Samples.submission("idem", "sess", List.of("f1", "f2"));
        Reply first = client.post("/extractions", body);
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.body().path("success").asBoolean()).isTrue();
        assertThat(first.body().path("submission_state").asText()).isEqualTo("received");
        String id = first.body().path("extraction_id").asText();
        assertThat(id).matches("[0-9a-f-]{36}");

        Reply repeat = client.post("/extractions", body);
        assertThat(repeat.status()).isEqualTo(202);
        assertThat(repeat.body().path("extraction_id").asText()).isEqualTo(id);
        assertThat(sandbox.control().counters(KEY).extractionsBySubmissionId()).containsEntry("idem", 1L);

        Map<String, Object> different = new HashMap<>(body);
        different.put("file_ids", List.of("f1"));
        different.put("prompt", Map.of("fields", List.of(Map.of("name", "Invoice Number"))));
        different.put("task_name", "Renamed task");
        Reply conflict = client.post("/extractions", different);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.errorCode()).isEqualTo("SUBMISSION_ID_ALREADY_USED");
        assertThat(conflict.body().path("error").path("retryable").asBoolean()).isFalse();
        assertThat(conflict.details().path("extraction_id").asText()).isEqualTo(id);
        List<String> differing = new ArrayList<>();
        conflict.details().path("differing_fields").forEach(f -> differing.add(f.asText()));
        assertThat(differing).containsExactly("file_ids", "prompt");

        Map<String, Object> otherOptions = new HashMap<>(body);
        otherOptions.put("options", Map.of("json_typed_values", false));
        otherOptions.put("output_structure", "automatic");
        List<String> differing2 = new ArrayList<>();
        client.post("/extractions", otherOptions).details().path("differing_fields").forEach(f -> differing2.add(f.asText()));
        assertThat(differing2).containsExactly("output_structure", "options");
        assertThat(sandbox.control().counters(KEY).extractionsBySubmissionId()).containsEntry("idem", 1L);
    }

    @Test
    void onlyCompletedFilesOfTheSessionMayBeNamed() {
        Reply notCompleted = client.post("/extractions", Samples.submission("nc", "pending", List.of("p1")));
        assertThat(notCompleted.status()).isEqualTo(400);
        assertThat(notCompleted.errorCode()).isEqualTo("INVALID_INPUT");
        assertThat(notCompleted.details().path("issues").get(0).path("path").toString()).isEqualTo("[\"file_ids\",0]");

        Reply unknownFile = client.post("/extractions", Samples.submission("uf", "sess", List.of("f1", "nope")));
        assertThat(unknownFile.details().path("issues").get(0).path("path").toString()).isEqualTo("[\"file_ids\",1]");

        Reply unknownSession = client.post("/extractions", Samples.submission("us", "nosuch", List.of("f1")));
        assertThat(unknownSession.errorCode()).isEqualTo("INVALID_INPUT");
        assertThat(unknownSession.details().path("issues").get(0).path("path").toString()).isEqualTo("[\"upload_session_id\"]");
        assertThat(sandbox.control().counters(KEY).extractionsBySubmissionId()).doesNotContainKeys("nc", "uf", "us");
    }

    @Test
    void validatesTheSubmissionAgainstTheSchema() {
        assertIssue(with("task_name", "ab"), "[\"task_name\"]");
        assertIssue(with("output_structure", "per_page"), "[\"output_structure\"]");
        assertIssue(with("prompt", ""), "[\"prompt\"]");
        assertIssue(with("prompt", "x".repeat(5001)), "[\"prompt\"]");
        assertIssue(with("prompt", 42), "[\"prompt\"]");
        assertIssue(with("file_ids", List.of()), "[\"file_ids\"]");
        assertIssue(with("file_ids", List.of("f1", "f1")), "[\"file_ids\",1]");
        assertIssue(with("submission_id", "has space"), "[\"submission_id\"]");
        assertIssue(with("colour", "red"), "[\"colour\"]");
        assertIssue(with("options", Map.of("verbose", true)), "[\"options\",\"verbose\"]");
        assertIssue(with("options", Map.of("exclude_columns", List.of("invoice_number"))), "[\"options\",\"exclude_columns\",0]");
        assertIssue(with("options", Map.of("output_language", "klingon")), "[\"options\",\"output_language\"]");
        assertIssue(with("options", Map.of("review_needed_fill_color", "blue")), "[\"options\",\"review_needed_fill_color\"]");
        assertIssue(with("options", Map.of("ask_questions", "yes")), "[\"options\",\"ask_questions\"]");
        assertIssue(with("prompt", Map.of("fields", List.of())), "[\"prompt\",\"fields\"]");
        assertIssue(with("prompt", Map.of("fields", List.of(Map.of("name", "X")))), "[\"prompt\",\"fields\",0,\"name\"]");
        assertIssue(with("prompt", Map.of("fields", List.of(Map.of("name", "Source_File")))), "[\"prompt\",\"fields\",0,\"name\"]");
        assertIssue(with("prompt", Map.of("fields", List.of(Map.of("name", "Invoice Number"), Map.of("name", "invoice_number")))),
                "[\"prompt\",\"fields\",1,\"name\"]");
        assertIssue(with("prompt", Map.of("fields", List.of(Map.of("name", "Total", "prompt", "ab")))),
                "[\"prompt\",\"fields\",0,\"prompt\"]");
        assertIssue(with("prompt", Map.of("fields", List.of(Map.of("name", "Total")), "general_prompt", "x".repeat(1501))),
                "[\"prompt\",\"general_prompt\"]");
        assertIssue(with("prompt", Map.of("fields", List.of(Map.of("name", "Total")), "style", "terse")), "[\"prompt\",\"style\"]");
        Map<String, Object> missing = Samples.submission("v", "sess", List.of("f1"));
        missing.remove("prompt");
        assertIssue(missing, "[\"prompt\"]");

        Map<String, Object> emptyFieldPrompt = with("prompt", Map.of("fields", List.of(Map.of("name", "Total", "prompt", ""))));
        emptyFieldPrompt.put("submission_id", "empty-field-prompt");
        assertThat(client.post("/extractions", emptyFieldPrompt).status()).isEqualTo(202);
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = Samples.submission("v", "sess", List.of("f1"));
        body.put(field, value);
        return body;
    }

    private static void assertIssue(Map<String, Object> body, String path) {
        Reply reply = client.post("/extractions", body);
        assertThat(reply.status()).as(path).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("INVALID_INPUT");
        List<String> paths = new ArrayList<>();
        reply.details().path("issues").forEach(issue -> {
            assertThat(issue.path("message").asText()).isNotBlank();
            paths.add(issue.path("path").toString());
        });
        assertThat(paths).contains(path);
    }

    @Test
    void pausedSubmissionsAreRefusedWithResumeTime() {
        sandbox.control().pauseSubmissions(Duration.ofMinutes(3));
        try {
            Reply paused = client.post("/extractions", Samples.submission("paused", "sess", List.of("f1")));
            assertThat(paused.status()).isEqualTo(503);
            assertThat(paused.errorCode()).isEqualTo("SUBMISSIONS_PAUSED");
            assertThat(paused.body().path("error").path("retryable").asBoolean()).isTrue();
            assertThat(paused.details().path("resumes_at").asText()).endsWith("Z");
        } finally {
            sandbox.control().resetFaults();
        }
        assertThat(client.post("/extractions", Samples.submission("paused", "sess", List.of("f1"))).status()).isEqualTo(202);
    }
}
