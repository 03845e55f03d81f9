package org.invoicepipeline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.sandbox.document.ReadDocument;
import org.invoicepipeline.sandbox.engine.DocumentPipeline;
import org.invoicepipeline.sandbox.engine.ExtractionOptions;
import org.invoicepipeline.sandbox.engine.StandardDocumentPipeline;
import org.invoicepipeline.sandbox.extraction.ExtractionOutcome;
import org.invoicepipeline.sandbox.extraction.ExtractionSpec;
import org.invoicepipeline.sandbox.output.OutputFormat;

/**
 * Documents are read once per extraction, rows extracted once per set of answers and output files
 * rendered once at completion, however many pages, status calls and downloads there are.
 */
class DocumentWorkTest {

    private static final String KEY = "work-key";

    /** The standard pipeline, counting each kind of call. */
    private static final class CountingPipeline implements DocumentPipeline {
        final DocumentPipeline standard = new StandardDocumentPipeline();
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger extractions = new AtomicInteger();
        final AtomicInteger renders = new AtomicInteger();

        @Override
        public ReadDocument read(String fileName, byte[] content) {
            reads.incrementAndGet();
            return standard.read(fileName, content);
        }

        @Override
        public ExtractionOutcome extract(List<ReadDocument> documents, ExtractionSpec spec) {
            extractions.incrementAndGet();
            return standard.extract(documents, spec);
        }

        @Override
        public Map<OutputFormat, byte[]> render(ExtractionOutcome outcome, ExtractionOptions options) {
            renders.incrementAndGet();
            return standard.render(outcome, options);
        }
    }

    private final CountingPipeline pipeline = new CountingPipeline();
    private ApiSandbox sandbox;
    private SandboxClient client;

    @BeforeEach
    void start() {
        sandbox = ApiSandbox.builder().apiKey(KEY).rateLimitScale(0).pageProcessingTime(Duration.ofMillis(10))
                .documentPipeline(pipeline).start();
        client = new SandboxClient(sandbox, KEY);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String submitAsking(String submissionId, String sessionId, List<String> fileIds) {
        Map<String, Object> body = new HashMap<>(Samples.submission(submissionId, sessionId, fileIds));
        body.put("options", Map.of("json_typed_values", true, "ask_questions", true));
        return client.submit(body);
    }

    @Test
    void withNothingToAskTheRowsAreExtractedOnceAndTheFilesRenderedOnce() {
        SampleInvoice multiPage = Samples.GENERATOR.multiPage(1);
        SampleInvoice single = Samples.invoice(2);
        client.uploadFiles("plain", Map.of(
                "f1", Map.entry(multiPage.fileName(), Samples.GENERATOR.toPdf(multiPage)),
                "f2", Map.entry(single.fileName(), Samples.GENERATOR.toPdf(single))));
        String id = submitAsking("plain", "plain", List.of("f1", "f2"));

        JsonNode done = client.awaitNotProcessing(id, Duration.ofSeconds(10));
        assertThat(done.path("status").asText()).isEqualTo("completed");
        for (String format : List.of("json", "csv", "xlsx", "json")) {
            String url = client.get("/extractions/" + id + "/output?format=" + format).body().path("download_url").asText();
            assertThat(client.getUrl(url).status()).isEqualTo(200);
        }
        client.get("/extractions/" + id);
        client.get("/extractions/" + id + "/results");

        assertThat(pipeline.reads).hasValue(2);
        assertThat(pipeline.extractions).hasValue(1);
        assertThat(pipeline.renders).hasValue(1);
    }

    @Test
    void answeringRunsTheExtractionOnceMoreWithoutReadingTheDocumentsAgain() {
        SampleInvoice ambiguous = Samples.GENERATOR.ambiguousTotal(1);
        client.uploadFile("amb", "f1", ambiguous.fileName(), Samples.GENERATOR.toPdf(ambiguous));
        String id = submitAsking("amb", "amb", List.of("f1"));
        JsonNode asking = client.awaitNotProcessing(id, Duration.ofSeconds(10));
        assertThat(asking.path("status").asText()).isEqualTo("input_required");
        client.get("/extractions/" + id);

        client.post("/extractions/" + id + "/answers", Map.of("answers", List.of(Map.of(
                "question_id", asking.path("questions").get(0).path("question_id").asText(), "accept_recommended", true))));

        assertThat(client.awaitNotProcessing(id, Duration.ofSeconds(10)).path("status").asText()).isEqualTo("completed");
        assertThat(pipeline.reads).hasValue(1);
        assertThat(pipeline.extractions).hasValue(2);
        assertThat(pipeline.renders).hasValue(1);
    }
}
