package org.invoicepipeline.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.common.events.EventTopics;
import org.invoicepipeline.common.profile.ExtractionProfiles;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.common.serde.EventSerializer;
import org.invoicepipeline.common.testing.DeadLetter;
import org.invoicepipeline.common.testing.ResultInvariant;
import org.invoicepipeline.common.testing.TopicSnapshot;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.JsonNumber;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.local.LaunchOptions;
import org.invoicepipeline.local.LocalPipeline;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.poll.config.PollWorkerProperties;
import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.samples.SampleInvoiceGenerator;
import org.invoicepipeline.sandbox.ApiSandbox;
import org.invoicepipeline.sandbox.http.ErrorCode;
import org.invoicepipeline.upload.config.UploadWorkerProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pipeline-ops} against the real pipeline (embedded KRaft broker, the API sandbox, the four workers): a file
 * failed by an upload fault is traced, replayed once the fault is gone (one EXTRACTED result superseding the FAILED
 * one, one extraction), and a second replay does nothing; a question is answered and the extraction completes; the
 * JSON of every command parses. One pipeline for the whole class, the steps in order; the transcript of the
 * commands is written to {@code target/pipeline-ops-transcript.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineOpsIT {

    private static final SampleInvoiceGenerator GENERATOR = new SampleInvoiceGenerator();
    private static final String FAILED_FILE = "ops-it:failed-1";
    private static final String PLAIN_FILE = "ops-it:plain-2";
    private static final String ASKING_FILE = "ops-it:ambiguous-3";
    private static final String DOWNLOAD_FILE = "ops-it:download-4";

    @TempDir
    static Path work;

    private LocalPipeline pipeline;
    private ApiSandbox sandbox;
    private List<String> connection;
    private Function<String, String> environment;
    private final StringBuilder transcript = new StringBuilder();
    private SampleInvoice ambiguous;
    private String plainExtractionId;

    @BeforeAll
    void startPipeline() throws IOException {
        Path input = Files.createDirectories(work.resolve("in"));
        LaunchOptions options = LaunchOptions.defaults().withInput(input).withOutput(work.resolve("out"))
                .withSandbox(60, Duration.ofMillis(50)).withTimeout(Duration.ofMinutes(2));
        String asks = ExtractionProfiles.profileKey(options.profile(), "ask-questions");
        Map<Stage, Map<String, String>> settings = new java.util.EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            // No management servers: this test needs none, and other builds may hold the default ports.
            settings.put(stage, new java.util.HashMap<>(Map.of("spring.main.web-application-type", "none",
                    asks, "true")));
        }
        settings.get(Stage.UPLOAD).put(UploadWorkerProperties.PLANNER_LINGER, "200ms");
        settings.get(Stage.POLL).putAll(Map.of("pipeline.poll.input-required-recheck", "500ms",
                PollWorkerProperties.LONG_POLL_WAIT, "2s", PollWorkerProperties.RESUBMIT_DELAY, "200ms",
                PollWorkerProperties.ERROR_BACKOFF, "200ms"));
        pipeline = LocalPipeline.start(options, settings);
        sandbox = pipeline.sandbox().orElseThrow();
        connection = List.of("--bootstrap-servers", pipeline.bootstrapServers(), "--api-base-url", sandbox.baseUrl(),
                "--rate-limit-scale", "60", "--timeout", "10s");
        environment = name -> ClientOptions.API_KEY_ENV.equals(name) ? LocalPipeline.SANDBOX_API_KEY : null;
        write(input, GENERATOR.generate(1), "failed-1.pdf");
        write(input, GENERATOR.generate(2), "plain-2.pdf");
        ambiguous = GENERATOR.ambiguousTotal(3);
        write(input, ambiguous, "ambiguous-3.pdf");
        write(input, GENERATOR.generate(4), "download-4.pdf");
    }

    @AfterAll
    void stop() throws IOException {
        Path file = Path.of("target", "pipeline-ops-transcript.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, transcript);
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void aFileFailedByAnUploadFaultIsTracedWithItsDeadLetter() {
        // The fault: the API refuses to complete the next file for good, once; gone afterwards.
        sandbox.control().failNext("completeFileUpload", 1, ErrorCode.OBJECT_SIZE_MISMATCH);
        register(FAILED_FILE, "failed-1.pdf");
        awaitResult(FAILED_FILE, ResultStatus.FAILED);
        register(PLAIN_FILE, "plain-2.pdf");
        awaitResult(PLAIN_FILE, ResultStatus.EXTRACTED);

        OpsRun failed = ops("trace", FAILED_FILE);
        assertThat(failed.exitCode()).as(failed.err()).isZero();
        assertThat(failed.out()).contains("current outcome FAILED", "registered", "planned", "upload-failed",
                "dead-lettered", "OBJECT_SIZE_MISMATCH");

        OpsRun completed = ops("trace", PLAIN_FILE, "--json");
        JsonNode trace = completed.json();
        assertThat(trace.path("outcome").asText()).isEqualTo("EXTRACTED");
        List<String> steps = new ArrayList<>();
        trace.path("steps").forEach(s -> steps.add(s.path("step").asText()));
        assertThat(steps).containsSubsequence("registered", "planned", "uploaded", "submitted", "completed", "result");
        plainExtractionId = trace.path("steps").findValuesAsText("extractionId").stream()
                .filter(id -> !id.equals("null") && !id.isEmpty()).findFirst().orElseThrow();

        OpsRun unknown = ops("trace", "ops-it:never-registered");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(unknown.err()).contains("was never registered").doesNotContain("Exception").hasLineCount(1);

        OpsRun listed = ops("dlt", "list", "--stage", "upload", "--json");
        assertThat(listed.json().path("countsByStageAndCode").path("upload").path("OBJECT_SIZE_MISMATCH").asInt())
                .isEqualTo(1);
        String deadLetter = listed.json().path("records").get(0).path("id").asText();
        assertThat(ops("dlt", "list").out()).contains(deadLetter, FAILED_FILE);

        OpsRun shown = ops("dlt", "show", deadLetter, "--json");
        assertThat(shown.json().path("eventType").asText()).isEqualTo("FileRegistered");
        assertThat(shown.json().path("event").path("file_id").asText()).isEqualTo(FAILED_FILE);
        assertThat(shown.json().path("originalRecord").asText()).startsWith("files-registered-");
        assertThat(ops("dlt", "show", deadLetter).out()).contains("x-error-code: OBJECT_SIZE_MISMATCH");
    }

    @Test
    @Order(2)
    void aReplayIsExtractedOnceAndSupersedesTheFailureAndASecondReplayDoesNothing() {
        long extractionsBefore = sandbox.control().counters(LocalPipeline.SANDBOX_API_KEY).extractionsCreated();
        OpsRun dryRun = ops("dlt", "replay", "--stage", "upload", "--file-id", FAILED_FILE, "--dry-run");
        assertThat(dryRun.out()).contains("WOULD_REPLAY", "nothing published");

        OpsRun replay = ops("dlt", "replay", "--stage", "upload", "--file-id", FAILED_FILE, "--json");
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.json().path("replayed").asInt()).isEqualTo(1);
        assertThat(replay.json().path("items").get(0).path("newGeneration").asInt()).isEqualTo(1);

        ExtractionResult extracted = awaitResult(FAILED_FILE, ResultStatus.EXTRACTED);
        assertThat(extracted.getRetryGeneration()).isEqualTo(1);
        assertThat(extracted.getResultId()).endsWith("#1");

        OpsRun again = ops("dlt", "replay", "--stage", "upload", "--file-id", FAILED_FILE);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("0 replayed, 1 skipped").containsAnyOf("SKIP_ALREADY_REPLAYED", "SKIP_SUPERSEDED");

        OpsRun traced = ops("trace", FAILED_FILE);
        assertThat(traced.out()).contains("current outcome EXTRACTED");
        // Quiet period: nothing more happens to the file (no second extraction, no other result).
        sleep(Duration.ofSeconds(2));
        assertThat(results(FAILED_FILE)).extracting(ExtractionResult::getStatus)
                .containsExactly(ResultStatus.FAILED, ResultStatus.EXTRACTED);
        assertThat(sandbox.control().counters(LocalPipeline.SANDBOX_API_KEY).extractionsCreated())
                .isEqualTo(extractionsBefore + 1);
    }

    @Test
    @Order(3)
    void answeringAQuestionUnblocksTheExtraction() {
        register(ASKING_FILE, "ambiguous-3.pdf");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ops("questions", "list").exitCode() == ExitCodes.OK);
        OpsRun listed = ops("questions", "list", "--json");
        JsonNode asked = listed.json().path("extractions").get(0);
        assertThat(asked.path("liveStatus").asText()).isEqualTo("input_required");
        assertThat(asked.path("fileIds").get(0).asText()).isEqualTo(ASKING_FILE);
        String extractionId = asked.path("extractionId").asText();
        ops("questions", "list");

        OpsRun refused = ops("questions", "answer", extractionId, "--choice", "q_1=z");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("offers no choice 'z'");

        OpsRun answered = ops("questions", "answer", extractionId, "--choice", "q_1=b");
        assertThat(answered.exitCode()).as(answered.err()).isZero();

        ExtractionResult result = awaitResult(ASKING_FILE, ResultStatus.EXTRACTED);
        Object total = result.getRows().get(0).getValues().get("Total Amount");
        assertThat(new BigDecimal(((JsonNumber) total).getValue())).isEqualByComparingTo(ambiguous.amountDue());
    }

    @Test
    @Order(4)
    void aDownloadDeadLetterReplaysIntoTheSameExtraction() {
        // The fault: the results of the next extraction cannot be fetched, for good, once.
        sandbox.control().failNext("getExtractionResults", 1, ErrorCode.EXTRACTION_NOT_FOUND);
        register(DOWNLOAD_FILE, "download-4.pdf");
        awaitResult(DOWNLOAD_FILE, ResultStatus.DEAD_LETTERED);
        long extractionsBefore = sandbox.control().counters(LocalPipeline.SANDBOX_API_KEY).extractionsCreated();

        OpsRun replay = ops("dlt", "replay", "--stage", "download", "--file-id", DOWNLOAD_FILE);
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("1 replayed, 0 skipped");

        ExtractionResult extracted = awaitResult(DOWNLOAD_FILE, ResultStatus.EXTRACTED);
        assertThat(extracted.getRetryGeneration()).isEqualTo(1);
        assertThat(ops("dlt", "replay", "--stage", "download", "--file-id", DOWNLOAD_FILE).out())
                .contains("0 replayed, 1 skipped");
        assertThat(ops("trace", DOWNLOAD_FILE).out()).contains("current outcome EXTRACTED");
        assertThat(sandbox.control().counters(LocalPipeline.SANDBOX_API_KEY).extractionsCreated())
                .as("the replay reads the same extraction again").isEqualTo(extractionsBefore);
    }

    @Test
    @Order(5)
    void statusShowsTheStagesDeadLettersAndTheApiAndEveryFileEndsOnce() {
        OpsRun status = ops("status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("upload", "submit", "poll", "download", "OBJECT_SIZE_MISMATCH",
                "credits usable");
        JsonNode json = ops("status", "--json").json();
        assertThat(json.path("stages")).hasSize(4);
        assertThat(json.path("api").path("creditsUsable").asLong()).isPositive();
        assertThat(status.out() + status.err()).doesNotContain(LocalPipeline.SANDBOX_API_KEY);

        ResultInvariant.forRegisteredFiles(List.of(FAILED_FILE, PLAIN_FILE, ASKING_FILE, DOWNLOAD_FILE))
                .allowingRetries()
                .resultRecords(TopicSnapshot.read(pipeline.bootstrapServers(),
                        List.of(EventTopics.DEFAULT_EXTRACTION_RESULTS), Duration.ofSeconds(10)))
                .deadLetters(DeadLetter.of(TopicSnapshot.read(pipeline.bootstrapServers(),
                        List.of("files-registered.DLT", "parts-uploaded.DLT", "extraction-submitted.DLT",
                                "extraction-completed.DLT"), Duration.ofSeconds(10))))
                .expectAll(ResultStatus.EXTRACTED)
                .sandboxCounters(sandbox.control().counters(LocalPipeline.SANDBOX_API_KEY), 4)
                .check();
    }

    @Test
    @Order(6)
    void badInputAndUnreachablePartsAreOneLineAndAnExitCode() {
        OpsRun unknownStage = ops("dlt", "list", "--stage", "nowhere");
        assertThat(unknownStage.exitCode()).isEqualTo(ExitCodes.USAGE);

        OpsRun noRecord = ops("dlt", "show", "files-registered.DLT-0@999");
        assertThat(noRecord.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(noRecord.err()).hasLineCount(1);

        OpsRun nothingToReplay = ops("dlt", "replay", "--stage", "poll");
        assertThat(nothingToReplay.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);

        OpsRun noBroker = OpsRun.run(environment, "", List.of("--bootstrap-servers", "127.0.0.1:9", "--timeout", "2s"),
                "status", "--no-api");
        assertThat(noBroker.exitCode()).isEqualTo(ExitCodes.BROKER_UNAVAILABLE);
        assertThat(noBroker.err()).contains("cannot reach the Kafka brokers").hasLineCount(1);
        transcript.append(noBroker.transcript());

        OpsRun noApi = OpsRun.run(environment, "", List.of("--api-base-url", "http://127.0.0.1:9/v1", "--timeout", "2s"),
                "extraction", "cancel", "00000000-0000-0000-0000-000000000000", "--yes");
        assertThat(noApi.exitCode()).isEqualTo(ExitCodes.API_UNAVAILABLE);
        assertThat(noApi.err()).hasLineCount(1).doesNotContain(LocalPipeline.SANDBOX_API_KEY);
        transcript.append(noApi.transcript());

        OpsRun notConfirmed = ops("extraction", "delete", "00000000-0000-0000-0000-000000000000");
        assertThat(notConfirmed.exitCode()).isEqualTo(ExitCodes.NOT_CONFIRMED);

        OpsRun deleted = ops("extraction", "delete", plainExtractionId, "--yes");
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();

        OpsRun help = ops("dlt", "replay", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--dry-run", "--stage", "--bootstrap-servers");
    }

    private OpsRun ops(String... command) {
        OpsRun run = OpsRun.run(environment, "", connection, command);
        transcript.append(run.transcript());
        return run;
    }

    private void register(String fileId, String fileName) {
        Path file = pipeline.inputDir().resolve(fileName);
        FileRegistered event = FileRegistered.newBuilder().setFileId(fileId).setFileName(fileName)
                .setSourceUri(file.toUri().toString()).setContentType("application/pdf").setProfile("invoices")
                .setRegisteredAt(Instant.now()).setAttributes(Map.of("test", "pipeline-ops")).build();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers());
        try (KafkaProducer<String, FileRegistered> producer = new KafkaProducer<>(config, new StringSerializer(),
                new EventSerializer<>())) {
            producer.send(new ProducerRecord<>(EventTopics.DEFAULT_FILES_REGISTERED, fileId, event)).get();
        }
        catch (Exception e) {
            throw new AssertionError("cannot register " + fileId, e);
        }
    }

    private ExtractionResult awaitResult(String fileId, ResultStatus status) {
        return await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(300))
                .until(() -> results(fileId).stream().filter(r -> r.getStatus() == status).findFirst().orElse(null),
                        r -> r != null);
    }

    private List<ExtractionResult> results(String fileId) {
        try (EventDeserializer<ExtractionResult> decoder = new EventDeserializer<>(ExtractionResult.class)) {
            decoder.configure(Map.of(), false);
            return TopicSnapshot.read(pipeline.bootstrapServers(), List.of(EventTopics.DEFAULT_EXTRACTION_RESULTS),
                            Duration.ofSeconds(5)).stream()
                    .map(r -> decoder.deserialize(r.topic(), r.value()))
                    .filter(r -> r.getFileId().equals(fileId))
                    .sorted(java.util.Comparator.comparing(ExtractionResult::getProducedAt))
                    .toList();
        }
    }

    private static void write(Path dir, SampleInvoice invoice, String name) throws IOException {
        Files.write(dir.resolve(name), GENERATOR.toPdf(invoice.withFileName(name)));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
