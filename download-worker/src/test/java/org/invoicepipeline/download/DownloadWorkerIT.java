package org.invoicepipeline.download;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.ExtractionOptions;
import org.invoicepipeline.client.model.ExtractionStatus;
import org.invoicepipeline.client.model.OutputStructure;
import org.invoicepipeline.client.model.SubmitExtractionRequest;
import org.invoicepipeline.client.model.UploadFileSpec;
import org.invoicepipeline.client.model.UploadSession;
import org.invoicepipeline.client.ratelimit.RateLimits;
import org.invoicepipeline.client.upload.UploadSource;
import org.invoicepipeline.common.kafka.PipelineHeaders;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.common.serde.EventSerializer;
import org.invoicepipeline.common.testing.KafkaTestClients;
import org.invoicepipeline.events.ErrorInfo;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionOutcome;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.JsonNumber;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.events.SignedOutputUrls;
import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.samples.SampleInvoiceGenerator;
import org.invoicepipeline.sandbox.ApiSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The download stage against a real KRaft broker and the in-process API sandbox (rate limits scaled 60x).
 */
class DownloadWorkerIT {

    private static final String KEY = "download-it-key";
    private static final double SCALE = 60.0;
    private static final String INPUT = "extraction-completed";
    private static final String RESULTS = "extraction-results";

    private static EmbeddedKafkaKraftBroker broker;
    private static ApiSandbox sandbox;
    private static InvoiceExtractionClient client;
    private static final SampleInvoiceGenerator generator = new SampleInvoiceGenerator();

    @TempDir
    Path outputDir;

    private ConfigurableApplicationContext worker;

    @BeforeAll
    static void startInfrastructure() {
        broker = new EmbeddedKafkaKraftBroker(1, 2, INPUT, RESULTS, INPUT + ".DLT");
        broker.afterPropertiesSet();
        sandbox = ApiSandbox.builder().apiKey(KEY).credits(10_000).rateLimitScale(SCALE)
                .pageProcessingTime(Duration.ofMillis(10)).port(0).start();
        client = InvoiceExtractionClient.create(ClientOptions.builder().baseUrl(sandbox.baseUrl()).apiKey(KEY)
                .rateLimits(RateLimits.documented().withScale(SCALE)).build());
    }

    @AfterAll
    static void stopInfrastructure() {
        client.close();
        sandbox.close();
        broker.destroy();
    }

    @AfterEach
    void stopWorker() {
        sandbox.control().resetFaults();
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void completedExtractionBecomesOneResultPerFileWithItsValuesAndStoredOutputs() throws Exception {
        startWorker(false);
        List<SampleInvoice> invoices = List.of(generator.generate(1), generator.generate(2), generator.generate(3));
        ExtractionCompleted completed = extract(invoices);
        long outputUrlCallsBefore = outputUrlCalls();

        publish(completed);

        List<ExtractionResult> results = awaitResults(completed.getSubmissionId(), 3);
        assertThat(outputUrlCalls() - outputUrlCallsBefore)
                .as("the files come from the completed status's URLs: no output-endpoint call").isZero();
        for (SampleInvoice invoice : invoices) {
            ExtractionResult result = results.stream()
                    .filter(r -> r.getFileName().equals(invoice.fileName())).findFirst().orElseThrow();
            assertThat(result.getStatus()).isEqualTo(ResultStatus.EXTRACTED);
            assertThat(result.getResultId()).isEqualTo(result.getFileId() + "/" + completed.getSubmissionId());
            assertThat(result.getRows()).singleElement().satisfies(row -> {
                assertThat(row.getValues()).containsEntry("Invoice Number", invoice.invoiceNumber());
                assertThat(row.getValues()).containsEntry("Vendor Name", invoice.vendorName());
                assertThat(new java.math.BigDecimal(((JsonNumber) row.getValues().get("Total Amount")).getValue()))
                        .isEqualByComparingTo(invoice.totalAmount());
            });
            assertThat(result.getOutputs()).extracting(o -> o.getFormat()).containsExactlyInAnyOrder("json", "csv", "xlsx");
        }
        Path stored = outputDir.resolve("extractions").resolve(completed.getExtractionId());
        assertThat(stored.resolve("output.json")).isNotEmptyFile();
        assertThat(stored.resolve("output.xlsx")).isNotEmptyFile();
        assertThat(Files.readString(stored.resolve("output.csv"))).contains(invoices.get(0).invoiceNumber());
    }

    @Test
    void aReplayOverwritesTheStoredFilesAndRepublishesTheSameResultIds() throws Exception {
        startWorker(false);
        ExtractionCompleted completed = extract(List.of(generator.generate(4)));

        publish(completed);
        List<ExtractionResult> first = awaitResults(completed.getSubmissionId(), 1);
        publish(completed);
        List<ExtractionResult> both = awaitResults(completed.getSubmissionId(), 2);

        assertThat(both).extracting(ExtractionResult::getResultId).containsOnly(first.get(0).getResultId());
        assertThat(both.get(1).getRows()).isEqualTo(both.get(0).getRows());
        try (Stream<Path> files = Files.list(outputDir.resolve("extractions").resolve(completed.getExtractionId()))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("output.json", "output.csv", "output.xlsx");
        }
    }

    @Test
    void withRetentionTheExtractionIsDeletedAndAReplayStillSucceeds() throws Exception {
        startWorker(true);
        ExtractionCompleted completed = extract(List.of(generator.generate(5)));

        publish(completed);
        awaitResults(completed.getSubmissionId(), 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sandbox.control().counters(KEY).calls("deleteExtraction", 200) >= 1);
        publish(completed);
        ExtractionCompleted marker = extract(List.of(generator.generate(6)));
        publish(marker);

        awaitResults(marker.getSubmissionId(), 1);
        assertThat(awaitResults(completed.getSubmissionId(), 1)).hasSize(1);
        assertThat(deadLetters()).noneSatisfy(record ->
                assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(completed.getUploadSessionId()));
    }

    @Test
    void expiredCarriedUrlsAreReplacedByFreshOnesOnlyForTheConfiguredFormats() throws Exception {
        startWorker(false, "--pipeline.download.formats=json,csv");
        ExtractionCompleted carried = extract(List.of(generator.generate(11)));
        ExtractionCompleted completed = ExtractionCompleted.newBuilder(carried)
                .setOutputUrls(SignedOutputUrls.newBuilder(carried.getOutputUrls()).setExpiresAt(Instant.now()).build())
                .build();
        long outputUrlCallsBefore = outputUrlCalls();

        publish(completed);

        assertThat(awaitResults(completed.getSubmissionId(), 1)).singleElement().satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(ResultStatus.EXTRACTED);
            assertThat(r.getOutputs()).extracting(o -> o.getFormat()).containsExactlyInAnyOrder("json", "csv");
        });
        assertThat(outputUrlCalls() - outputUrlCallsBefore).as("one fresh URL per configured format").isEqualTo(2);
    }

    @Test
    void failedExtractionGivesEveryFileAFailedResult() throws Exception {
        startWorker(false);
        ExtractionCompleted failed = ExtractionCompleted.newBuilder(completedEvent("e-" + UUID.randomUUID(),
                        "sub-failed-" + UUID.randomUUID(), List.of(fileRef("a.pdf", 1), fileRef("b.pdf", 2))))
                .setStatus(ExtractionOutcome.FAILED)
                .setError(new ErrorInfo("ENCRYPTED_FILE", "A file is encrypted", false, null))
                .build();

        publish(failed);

        assertThat(awaitResults(failed.getSubmissionId(), 2))
                .allSatisfy(r -> {
                    assertThat(r.getStatus()).isEqualTo(ResultStatus.FAILED);
                    assertThat(r.getError().getCode()).isEqualTo("ENCRYPTED_FILE");
                    assertThat(r.getRows()).isEmpty();
                });
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndTheStageGoesOn() throws Exception {
        startWorker(false);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(INPUT, "poison", "garbage".getBytes(StandardCharsets.UTF_8))).get();
        }
        ExtractionCompleted after = extract(List.of(generator.generate(7)));
        publish(after);

        assertThat(awaitResults(after.getSubmissionId(), 1)).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !deadLetters().isEmpty());
        ConsumerRecord<byte[], byte[]> deadLetter = deadLetters().stream()
                .filter(r -> "poison".equals(new String(r.key(), StandardCharsets.UTF_8))).findFirst().orElseThrow();
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("garbage");
        assertThat(PipelineHeaders.lastValue(deadLetter.headers(), PipelineHeaders.STAGE)).contains("download");
    }

    @Test
    void anOutputUrlRefusedForAFewSecondsStillEndsInExtractedResultsAndNoDeadLetter() throws Exception {
        startWorker(false);
        ExtractionCompleted completed = extract(List.of(generator.generate(8), generator.generate(9)));
        sandbox.control().refuseSignedUrls("downloadOutput", Duration.ofSeconds(3));

        publish(completed);

        assertThat(awaitResults(completed.getSubmissionId(), 2))
                .allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(ResultStatus.EXTRACTED));
        assertThat(deadLettersOf(completed)).isEmpty();
    }

    @Test
    void anOutageOutlastingTheClientsAndTheStagesRetriesHoldsACompletedExtractionUntilItEnds() throws Exception {
        // the client gives up on refused URLs after 1 s, the stage's bounded retries after 2 deliveries
        startWorker(false, "--pipeline.api.signed-url-retry-window=1s", "--pipeline.download.retry.max-attempts=2",
                "--pipeline.download.retry.initial-interval=200ms", "--pipeline.download.retry.max-interval=1s");
        ExtractionCompleted completed = extract(List.of(generator.generate(10)));
        sandbox.control().refuseSignedUrls("downloadOutput", Duration.ofSeconds(8));

        publish(completed);

        assertThat(awaitResults(completed.getSubmissionId(), 1))
                .singleElement().satisfies(r -> assertThat(r.getStatus()).isEqualTo(ResultStatus.EXTRACTED));
        assertThat(deadLettersOf(completed)).as("a completed, charged extraction is never dead-lettered for an outage")
                .isEmpty();
    }

    @Test
    void aPermanentlyFailingExtractionIsDeadLetteredWithADeadLetteredResultForEachOfItsFiles() throws Exception {
        startWorker(false);
        // completed, but unknown to the API (deleted, or past its retention): EXTRACTION_NOT_FOUND, not retryable
        ExtractionCompleted gone = ExtractionCompleted.newBuilder(completedEvent(UUID.randomUUID().toString(),
                        "sub-gone-" + UUID.randomUUID(), List.of(fileRef("gone-a.pdf", 1), fileRef("gone-b.pdf", 2))))
                .setUploadSessionId("us-gone-" + UUID.randomUUID()).build();
        byte[] original = new EventSerializer<ExtractionCompleted>().serialize(INPUT, gone);

        publish(gone);

        List<ExtractionResult> results = awaitResults(gone.getSubmissionId(), 2);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.getStatus()).isEqualTo(ResultStatus.DEAD_LETTERED);
            assertThat(r.getError().getCode()).isEqualTo("EXTRACTION_NOT_FOUND");
            assertThat(r.getResultId()).isEqualTo(r.getFileId() + "/" + gone.getSubmissionId());
            assertThat(r.getExtractionId()).isEqualTo(gone.getExtractionId());
        });
        assertThat(results).extracting(ExtractionResult::getFileName).containsExactlyInAnyOrder("gone-a.pdf", "gone-b.pdf");
        ConsumerRecord<byte[], byte[]> deadLetter = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLettersOf(gone), list -> !list.isEmpty()).get(0);
        assertThat(deadLetter.value()).as("the original bytes").isEqualTo(original);
        assertThat(PipelineHeaders.lastValue(deadLetter.headers(), PipelineHeaders.ERROR_CODE)).contains("EXTRACTION_NOT_FOUND");
        assertThat(PipelineHeaders.lastValue(deadLetter.headers(), PipelineHeaders.ERROR_MESSAGE)).hasValueSatisfying(
                message -> assertThat(message).contains("gone-a.pdf").contains("gone-b.pdf"));
        assertThat(PipelineHeaders.lastValue(deadLetter.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC)).contains(INPUT);
    }

    // ---- fixture ----------------------------------------------------------------------------------------------

    private void startWorker(boolean deleteAfterStore, String... extraArgs) {
        String[] base = {
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--pipeline.api.base-url=" + sandbox.baseUrl(),
                "--pipeline.api.api-key=" + KEY,
                "--pipeline.api.rate-limit-scale=" + SCALE,
                "--pipeline.download.output-directory=" + outputDir,
                "--pipeline.download.delete-after-store=" + deleteAfterStore,
                "--pipeline.download.group-id=download-it-" + UUID.randomUUID()};
        String[] args = Stream.concat(Stream.of(base), Stream.of(extraArgs)).toArray(String[]::new);
        worker = new SpringApplicationBuilder(DownloadWorkerApplication.class).web(WebApplicationType.NONE).run(args);
    }

    /** Uploads and extracts the invoices in the sandbox; returns the ExtractionCompleted the poll stage would publish. */
    private static ExtractionCompleted extract(List<SampleInvoice> invoices) {
        String session = "us-dl-" + UUID.randomUUID();
        List<UploadFileSpec> specs = new ArrayList<>();
        List<byte[]> pdfs = invoices.stream().map(generator::toPdf).toList();
        for (int i = 0; i < invoices.size(); i++) {
            specs.add(new UploadFileSpec("file-" + i, invoices.get(i).fileName(), pdfs.get(i).length));
        }
        UploadSession uploadSession = client.createUploadSession(session, specs);
        List<FileRef> files = new ArrayList<>();
        for (int i = 0; i < invoices.size(); i++) {
            client.uploadFile(uploadSession, "file-" + i, UploadSource.ofBytes(invoices.get(i).fileName(), pdfs.get(i)));
            files.add(fileRef(invoices.get(i).fileName(), i));
        }
        String submissionId = "sub-" + session;
        String extractionId = client.submitExtraction(SubmitExtractionRequest.builder().submissionId(submissionId)
                .uploadSessionId(session).fileIds(files.stream().map(FileRef::getApiFileId).toList())
                .taskName("Download IT").prompt("Extract invoice number, vendor name and total amount")
                .outputStructure(OutputStructure.PER_INVOICE).options(ExtractionOptions.typedValues()).build())
                .extractionId();
        ExtractionStatus.Completed status = (ExtractionStatus.Completed) await().atMost(Duration.ofSeconds(30))
                .until(() -> client.getExtraction(extractionId, Duration.ofSeconds(5)),
                        s -> s instanceof ExtractionStatus.Completed);
        // as the poll stage carries them: the status's URLs, valid 5 minutes from now
        SignedOutputUrls urls = new SignedOutputUrls(status.output().xlsxUrl(), status.output().csvUrl(),
                status.output().jsonUrl(), Instant.now().plus(Duration.ofMinutes(5)));
        return ExtractionCompleted.newBuilder(completedEvent(extractionId, submissionId, files))
                .setUploadSessionId(session).setOutputUrls(urls).build();
    }

    private static long outputUrlCalls() {
        return sandbox.control().counters(KEY).calls("getOutputDownloadUrl");
    }

    private static FileRef fileRef(String fileName, int index) {
        return FileRef.newBuilder().setFileId("reg-" + UUID.randomUUID()).setApiFileId("file-" + index)
                .setFileName(fileName).setOriginalFileName(fileName).setSourceUri("file:/in/" + fileName)
                .setSizeBytes(100).setRegisteredAt(Instant.now()).setAttributes(Map.of("erp", "acme")).build();
    }

    private static ExtractionCompleted completedEvent(String extractionId, String submissionId, List<FileRef> files) {
        return ExtractionCompleted.newBuilder().setSubmissionId(submissionId).setExtractionId(extractionId)
                .setUploadSessionId("us-x").setProfile("default").setFiles(files).setStatus(ExtractionOutcome.COMPLETED)
                .setAttempt(1).setCompletedAt(Instant.now()).build();
    }

    private static void publish(ExtractionCompleted event) throws Exception {
        try (KafkaProducer<String, ExtractionCompleted> producer = new KafkaProducer<>(producerProps(),
                new StringSerializer(), new EventSerializer<>())) {
            producer.send(new ProducerRecord<>(INPUT, event.getUploadSessionId(), event)).get();
        }
    }

    private static List<ExtractionResult> awaitResults(String submissionId, int count) {
        List<ExtractionResult> found = new ArrayList<>();
        try (KafkaConsumer<String, ExtractionResult> consumer = new KafkaConsumer<>(consumerProps(),
                new StringDeserializer(), new EventDeserializer<>(ExtractionResult.class))) {
            consumer.subscribe(List.of(RESULTS));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (submissionId.equals(r.value().getSubmissionId())) {
                        found.add(r.value());
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    private static List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(INPUT + ".DLT"));
            long end = System.currentTimeMillis() + 3_000;
            while (System.currentTimeMillis() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
            }
        }
        return found;
    }

    private static List<ConsumerRecord<byte[], byte[]>> deadLettersOf(ExtractionCompleted completed) {
        return deadLetters().stream()
                .filter(r -> completed.getUploadSessionId().equals(new String(r.key(), StandardCharsets.UTF_8)))
                .toList();
    }

    private static Properties producerProps() {
        return KafkaTestClients.producerProperties(broker.getBrokersAsString());
    }

    private static Properties consumerProps() {
        return KafkaTestClients.consumerProperties(broker.getBrokersAsString(), "download-it");
    }
}
