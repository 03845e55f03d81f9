package org.invoicepipeline.local;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.invoicepipeline.common.events.EventKeys;
import org.invoicepipeline.common.kafka.DeadLetterRecords;
import org.invoicepipeline.common.kafka.FailureClassifier;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.common.serde.EventSerializer;
import org.invoicepipeline.common.testing.DeadLetter;
import org.invoicepipeline.common.testing.ResultInvariant;
import org.invoicepipeline.common.testing.TopicSnapshot;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.local.run.PipelineTopics;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.sandbox.SandboxControl;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.invoicepipeline.local.PipelineFixture.GENERATOR;

/**
 * The loss paths of issue 8, each driven through the running pipeline (real KRaft broker, the in-process sandbox,
 * the four workers in this JVM), one case after the other on the same pipeline; each case checks the invariant for
 * every file it registered (exactly one terminal result id, the status and code the issue requires, a dead letter
 * naming every DEAD_LETTERED file with its code, one extraction per submission id, every good page charged once).
 * Sandbox faults apply to the whole account, so a case that injects one runs alone and removes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LossPathFaultMatrixIT {

    private static final String PROFILE = "invoices";
    /** Codes that say nothing about the file itself. */
    private static final Set<String> GENERIC_CODES = Set.of(FailureClassifier.POISON_RECORD,
            FailureClassifier.API_UNREACHABLE, FailureClassifier.SIGNED_URL_REFUSED, FailureClassifier.IO_ERROR,
            FailureClassifier.PROCESSING_FAILED, "INVALID_INPUT", "INTERNAL_ERROR", "UNKNOWN");
    /** How long the invariant waits after the last expected result, so late replays and duplicates still count. */
    private static final Duration QUIET_PERIOD = Duration.ofMillis(1_500);

    /** Static: injected before {@link #startPipeline()}, which the per-class lifecycle runs first. */
    @TempDir
    static Path input;

    @TempDir
    static Path output;

    private LocalPipeline pipeline;
    private KafkaProducer<String, FileRegistered> registrations;
    private final Set<String> registered = new HashSet<>();

    @BeforeAll
    void startPipeline() {
        Map<Stage, Map<String, String>> settings = new HashMap<>(PipelineFixture.fastClocks());
        settings.put(Stage.UPLOAD, Map.of(UploadWorkerProperties.PLANNER_LINGER, "500ms"));
        pipeline = LocalPipeline.start(PipelineFixture.options(input, output, 60, Duration.ofMillis(20)), settings);
        registrations = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventSerializer<>());
    }

    @AfterAll
    void stopPipeline() {
        if (registrations != null) {
            registrations.close(Duration.ofSeconds(5));
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    /**
     * Case 1: 500 registrations of one batch with 2.5 KB of attributes each (a plan of more than 1 MiB) are all
     * extracted; one more file whose attributes alone (~950 KB) can never fit a plan is dead-lettered with
     * ATTRIBUTES_TOO_LARGE.
     */
    @Test
    @Order(1)
    void case1AnOversizedBatchIsSplitAndAFileThatCanNeverFitIsDeadLettered() throws Exception {
        startCase();
        Path dir = Files.createDirectories(input.resolve("c1"));
        List<byte[]> pdfs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pdfs.add(GENERATOR.toPdf(GENERATOR.generate(400 + i)));
        }
        List<FileRegistered> batch = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            Path file = Files.write(dir.resolve(String.format("c1-%04d.pdf", i)), pdfs.get(i % pdfs.size()));
            batch.add(registration(String.format("fm-c1-%04d", i), file, file.getFileName().toString(), "c1-big",
                    Map.of("erp.note", "n".repeat(2_500), "erp.index", Integer.toString(i))));
        }
        Path hugeFile = Files.write(dir.resolve("c1-huge.pdf"), pdfs.get(0));
        Map<String, String> hugeAttributes = new LinkedHashMap<>();
        for (int i = 0; i < 38; i++) {
            hugeAttributes.put("erp.blob-" + i, "h".repeat(25_000));
        }
        FileRegistered huge = registration("fm-c1-huge", hugeFile, "c1-huge.pdf", "c1-big", hugeAttributes);
        batch.add(huge);

        registerAndAwait(batch, Duration.ofSeconds(120));

        check("case 1", batch, 500, invariant -> invariant
                .expectAll(ResultStatus.EXTRACTED)
                .expect(huge.getFileId(), "ATTRIBUTES_TOO_LARGE", ResultStatus.DEAD_LETTERED));
    }

    /**
     * Case 2a: a file named {@code .pdf} with two valid files in its batch: the bad one alone is dead-lettered, with
     * the upload stage's own code and a message naming it; the two others are extracted.
     */
    @Test
    @Order(2)
    void case2aABadFileNameIsDeadLetteredAloneAndItsBatchMatesAreExtracted() throws Exception {
        startCase();
        List<FileRegistered> batch = goodFiles("c2a", 2, 420);
        FileRegistered bad = addFile(batch, "c2a", "fm-c2a-dot-pdf", "nameless.pdf", ".pdf",
                GENERATOR.toPdf(GENERATOR.generate(423)));

        registerAndAwait(batch, Duration.ofSeconds(30));

        check("case 2a", batch, 2, invariant -> invariant
                .expectAll(ResultStatus.EXTRACTED)
                .expect(bad.getFileId(), ResultStatus.DEAD_LETTERED));
        ExtractionResult result = resultsOf(batch).stream()
                .filter(r -> r.getFileId().equals(bad.getFileId())).findFirst().orElseThrow();
        assertThat(result.getError().getCode()).as("the upload stage's own code for the file name")
                .isNotIn(GENERIC_CODES);
        assertThat(result.getError().getMessage()).as("the result's message names the file")
                .satisfies(message -> assertNamesFile(message, bad));
        List<DeadLetter> deadLetters = deadLetters().stream().filter(d -> d.names(bad.getFileId())).toList();
        assertThat(deadLetters).as("dead letters naming %s", bad.getFileId()).isNotEmpty()
                .allSatisfy(d -> assertNamesFile(d.message(), bad));
        assertThat(deadLetters().stream().filter(d -> d.fileIds().stream().anyMatch(id -> id.startsWith("fm-c2a-good"))))
                .as("dead letters naming the valid files").isEmpty();
    }

    /**
     * Case 2b: submitExtraction refuses the session with a non-retryable error (INVALID_INPUT): the session lands on
     * parts-uploaded.DLT and each of its files gets a DEAD_LETTERED result with that code.
     */
    @Test
    @Order(3)
    void case2bASessionTheSubmitStageDeadLettersGivesEachFileAResult() throws Exception {
        startCase();
        List<FileRegistered> batch = goodFiles("c2b", 2, 470);
        registerAndAwaitWhileFailing("submitExtraction", ErrorCode.INVALID_INPUT, batch, Duration.ofSeconds(30));

        check("case 2b", batch, 0, invariant -> invariant.expectAll(ResultStatus.DEAD_LETTERED));
        assertThat(deadLetters()).filteredOn(d -> d.names(batch.get(0).getFileId()))
                .extracting(DeadLetter::topic).contains(DeadLetterRecords.topicFor(PipelineTopics.PARTS_UPLOADED));
    }

    /**
     * Case 2c: a completed extraction whose results cannot be read (getExtractionResults answers 404
     * EXTRACTION_NOT_FOUND, not retryable): whatever the download stage decides, each file ends in exactly one
     * terminal result, and a DEAD_LETTERED one has its dead letter.
     */
    @Test
    @Order(4)
    void case2cAnExtractionTheDownloadStageGivesUpOnGivesEachFileAResult() throws Exception {
        startCase();
        List<FileRegistered> batch = goodFiles("c2c", 2, 475);
        registerAndAwaitWhileFailing("getExtractionResults", ErrorCode.EXTRACTION_NOT_FOUND, batch,
                Duration.ofSeconds(30));

        check("case 2c", batch, 2, invariant -> invariant
                .expectAll(ResultStatus.DEAD_LETTERED, ResultStatus.FAILED, ResultStatus.EXTRACTED));
    }

    /**
     * Case 3: an encrypted PDF (user password) among five good ones in one batch: it alone fails or is dead-lettered
     * with ENCRYPTED_FILE; the others are extracted and each good page is charged once.
     */
    @Test
    @Order(5)
    void case3AnEncryptedPdfFailsAloneAndTheGoodPagesAreChargedOnce() throws Exception {
        startCase();
        List<FileRegistered> batch = goodFiles("c3", 5, 430);
        FileRegistered encrypted = addFile(batch, "c3", "fm-c3-locked", "locked.pdf", "locked.pdf",
                GENERATOR.toEncryptedPdf(GENERATOR.generate(436)));

        registerAndAwait(batch, Duration.ofSeconds(30));

        check("case 3", batch, 5, invariant -> invariant
                .expectAll(ResultStatus.EXTRACTED)
                .expect(encrypted.getFileId(), "ENCRYPTED_FILE", ResultStatus.DEAD_LETTERED, ResultStatus.FAILED));
    }

    /**
     * Case 6: a file rewritten (same size, other bytes) after it was validated and planned, before its upload starts
     * (createUploadSession answers 3 s late, so the rewrite lands in between): SOURCE_CHANGED; its batch mates are
     * extracted.
     */
    @Test
    @Order(6)
    void case6AFileRewrittenBeforeItsUploadIsSourceChanged() throws Exception {
        startCase();
        List<FileRegistered> batch = goodFiles("c6", 2, 460);
        FileRegistered changing = addFile(batch, "c6", "fm-c6-changing", "changing.pdf", "changing.pdf",
                GENERATOR.toPdf(GENERATOR.generate(463)));
        Path changingFile = input.resolve("c6").resolve("changing.pdf");

        control().addLatency("createUploadSession", Duration.ofSeconds(3));
        try (PlanWatcher plans = new PlanWatcher(pipeline.bootstrapServers())) {
            register(batch);
            assertThat(plans.awaitPlanNaming(changing.getFileId(), Duration.ofSeconds(20)))
                    .as("a plan naming %s", changing.getFileId()).isTrue();
            long size = Files.size(changingFile);
            Files.write(changingFile, sameSizeOtherBytes(Files.readAllBytes(changingFile)));
            assertThat(Files.size(changingFile)).isEqualTo(size);
            assertThat(counters().filesCompleted()).as("no file of the batch uploaded before the rewrite").isZero();
        }
        finally {
            control().addLatency("createUploadSession", Duration.ZERO);
        }
        awaitResults(batch, Duration.ofSeconds(30));

        check("case 6", batch, 2, invariant -> invariant
                .expectAll(ResultStatus.EXTRACTED)
                .expect(changing.getFileId(), "SOURCE_CHANGED", ResultStatus.FAILED, ResultStatus.DEAD_LETTERED));
    }

    /**
     * Case 4, part URLs: signed part URLs refused for 3 s while the batch uploads (every URL issued while the
     * sandbox's signed-URL TTL is zero answers 403 "Request has expired"): every file is extracted.
     */
    @Test
    @Order(7)
    void case4PartUrlsRefusedForAFewSecondsAreRetriedUntilTheyWorkAgain() throws Exception {
        startCase();
        List<FileRegistered> batch = goodFiles("c4p", 4, 440);
        try (PlanWatcher plans = new PlanWatcher(pipeline.bootstrapServers())) {
            control().signedUrlTtl(Duration.ZERO);
            register(batch);
            assertThat(plans.awaitPlanNaming(batch.get(0).getFileId(), Duration.ofSeconds(20))).isTrue();
            Thread.sleep(3_000);
        }
        finally {
            control().signedUrlTtl(null);
        }
        awaitResults(batch, Duration.ofSeconds(60));

        check("case 4 (part URLs)", batch, 4, invariant -> invariant.expectAll(ResultStatus.EXTRACTED));
    }

    /**
     * Case 4, output URLs: once every file of the batch is uploaded, output URLs are refused until the download
     * stage has tried them and 2 s more: the completed, charged extraction is not dead-lettered, every file is
     * extracted, nothing about these files reaches extraction-completed.DLT.
     */
    @Test
    @Order(8)
    void case4OutputUrlsRefusedForAWhileNeverDeadLetterACompletedExtraction() throws Exception {
        startCase();
        List<FileRegistered> batch = goodFiles("c4o", 3, 450);
        try {
            register(batch);
            assertThat(awaitUntil(Duration.ofSeconds(30), () -> counters().filesCompleted() >= batch.size()))
                    .as("the batch uploaded").isTrue();
            control().signedUrlTtl(Duration.ZERO);
            awaitUntil(Duration.ofSeconds(30), () -> counters().calls("getOutputDownloadUrl")
                    + counters().calls("getExtractionResults") > 0 || allHaveResults(batch));
            Thread.sleep(2_000);
        }
        finally {
            control().signedUrlTtl(null);
        }
        System.out.println("case 4 (output URLs): " + counters().callsByOperationAndStatus());
        awaitResults(batch, Duration.ofSeconds(60));

        check("case 4 (output URLs)", batch, 3, invariant -> invariant.expectAll(ResultStatus.EXTRACTED));
        assertThat(TopicSnapshot.read(pipeline.bootstrapServers(),
                List.of(DeadLetterRecords.topicFor(PipelineTopics.EXTRACTION_COMPLETED)), Duration.ofSeconds(30)))
                .as("records on extraction-completed.DLT").allSatisfy(record ->
                        assertThat(DeadLetter.of(record).fileIds()).as("files of a dead letter")
                                .noneMatch(id -> id.startsWith("fm-c4")));
    }

    /** Across every case: no result names a file never registered. */
    @Test
    @Order(9)
    void noResultNamesAFileNeverRegistered() {
        List<ExtractionResult> all = allResults();
        assertThat(all).isNotEmpty();
        assertThat(all.stream().map(ExtractionResult::getFileId).filter(id -> !registered.contains(id)).distinct())
                .as("results of files never registered").isEmpty();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** Each case starts from zeroed counters and no fault. */
    private void startCase() {
        control().resetFaults();
        control().resetCounters(LocalPipeline.SANDBOX_API_KEY);
    }

    /** {@code count} generated invoices in {@code input/<batchKey>}, registered under that batch key. */
    private List<FileRegistered> goodFiles(String batchKey, int count, int firstIndex) throws IOException {
        Path dir = Files.createDirectories(input.resolve(batchKey));
        List<FileRegistered> batch = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Path file = Files.write(dir.resolve("good-" + i + ".pdf"),
                    GENERATOR.toPdf(GENERATOR.generate(firstIndex + i)));
            batch.add(registration("fm-" + batchKey + "-good-" + i, file, file.getFileName().toString(), batchKey,
                    Map.of()));
        }
        return batch;
    }

    /**
     * Writes {@code content} as {@code input/<batchKey>/<diskName>}, registers it as {@code registeredName} and adds
     * it to {@code batch}; the directory is the one {@link #goodFiles} made.
     */
    private FileRegistered addFile(List<FileRegistered> batch, String batchKey, String fileId, String diskName,
                                   String registeredName, byte[] content) throws IOException {
        Path file = Files.write(input.resolve(batchKey).resolve(diskName), content);
        FileRegistered registration = registration(fileId, file, registeredName, batchKey, Map.of());
        batch.add(registration);
        return registration;
    }

    private FileRegistered registration(String fileId, Path file, String fileName, String batchKey,
                                        Map<String, String> attributes) throws IOException {
        return FileRegistered.newBuilder()
                .setFileId(fileId)
                .setSourceUri(file.toUri().toString())
                .setFileName(fileName)
                .setSizeBytes(Files.size(file))
                .setContentType("application/pdf")
                .setBatchKey(batchKey)
                .setProfile(PROFILE)
                .setRegisteredAt(Instant.now())
                .setAttributes(attributes)
                .build();
    }

    private void register(List<FileRegistered> batch) throws Exception {
        List<String> ids = batch.stream().map(FileRegistered::getFileId).toList();
        registered.addAll(ids);
        pipeline.monitor().expect(ids);
        List<Future<?>> sends = new ArrayList<>();
        for (FileRegistered event : batch) {
            sends.add(registrations.send(new ProducerRecord<>(PipelineTopics.FILES_REGISTERED, EventKeys.of(event), event)));
        }
        for (Future<?> send : sends) {
            send.get(30, TimeUnit.SECONDS);
        }
    }

    private void registerAndAwait(List<FileRegistered> batch, Duration timeout) throws Exception {
        register(batch);
        awaitResults(batch, timeout);
    }

    /** Registers the batch while every call of {@code operation} fails with {@code code}; the fault goes after. */
    private void registerAndAwaitWhileFailing(String operation, ErrorCode code, List<FileRegistered> batch,
                                              Duration timeout) throws Exception {
        control().failNext(operation, 1_000, code);
        try {
            registerAndAwait(batch, timeout);
        }
        finally {
            control().resetFaults();
        }
    }

    /** Checks the invariant over this case's files with the case's expectations and prints its summary. */
    private void check(String caseName, List<FileRegistered> batch, long pagesCharged,
                       UnaryOperator<ResultInvariant> expectations) {
        ResultInvariant.Summary summary = expectations.apply(invariantOf(batch))
                .sandboxCounters(counters(), pagesCharged)
                .check();
        System.out.println(caseName + ": " + summary);
    }

    /** Waits until every file has a result (or the time is up: the invariant then names the files without one). */
    private void awaitResults(List<FileRegistered> batch, Duration timeout) throws InterruptedException {
        boolean all = awaitUntil(timeout, () -> allHaveResults(batch));
        System.out.printf("%d of %d files with a result%s%n", batch.stream()
                .filter(f -> !pipeline.monitor().results().getOrDefault(f.getFileId(), List.of()).isEmpty()).count(),
                batch.size(), all ? "" : " after " + timeout);
        Thread.sleep(QUIET_PERIOD.toMillis());
    }

    private boolean allHaveResults(List<FileRegistered> batch) {
        Map<String, List<ExtractionResult>> results = pipeline.monitor().results();
        return batch.stream().allMatch(f -> !results.getOrDefault(f.getFileId(), List.of()).isEmpty());
    }

    private static boolean awaitUntil(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** The invariant over this case's files: results of other cases' files are left out. */
    private ResultInvariant invariantOf(List<FileRegistered> batch) {
        return ResultInvariant.forRegisteredFiles(batch.stream().map(FileRegistered::getFileId).toList())
                .results(resultsOf(batch))
                .deadLetters(deadLetters());
    }

    private List<ExtractionResult> resultsOf(List<FileRegistered> batch) {
        Set<String> ids = new HashSet<>(batch.stream().map(FileRegistered::getFileId).toList());
        return allResults().stream().filter(r -> ids.contains(r.getFileId())).toList();
    }

    private List<ExtractionResult> allResults() {
        List<ExtractionResult> results = new ArrayList<>();
        try (EventDeserializer<ExtractionResult> decoder = new EventDeserializer<>(ExtractionResult.class)) {
            decoder.configure(Map.of(), false);
            for (ConsumerRecord<String, byte[]> record : TopicSnapshot.read(pipeline.bootstrapServers(),
                    List.of(PipelineTopics.EXTRACTION_RESULTS), Duration.ofSeconds(30))) {
                results.add(decoder.deserialize(record.topic(), record.value()));
            }
        }
        return results;
    }

    private List<DeadLetter> deadLetters() {
        return DeadLetter.of(TopicSnapshot.read(pipeline.bootstrapServers(), PipelineTopics.deadLetterTopics(),
                Duration.ofSeconds(30)));
    }

    private SandboxControl control() {
        return pipeline.sandbox().orElseThrow().control();
    }

    private org.invoicepipeline.sandbox.account.AccountCounters counters() {
        return control().counters(LocalPipeline.SANDBOX_API_KEY);
    }

    /** A message names the file: its id, its name quoted (a bare ".pdf" could be any file's) or its source. */
    private static void assertNamesFile(String message, FileRegistered file) {
        Pattern quotedName = Pattern.compile("[\"'`«]" + Pattern.quote(file.getFileName()) + "[\"'`»]");
        String source = Path.of(java.net.URI.create(file.getSourceUri())).getFileName().toString();
        assertThat(message != null && (message.contains(file.getFileId()) || quotedName.matcher(message).find()
                || message.contains(source)))
                .as("message names %s (id, quoted name %s or source %s): %s", file.getFileId(), file.getFileName(),
                        source, message)
                .isTrue();
    }

    /**
     * The same PDF with other bytes at the same size: the binary comment on the line after the header (which
     * readers ignore) is changed, so the file still reads as the same invoice but no longer has the bytes validated.
     */
    private static byte[] sameSizeOtherBytes(byte[] pdf) {
        byte[] changed = pdf.clone();
        int lineStart = indexOf(changed, (byte) '\n', 0) + 1;
        assertThat(changed[lineStart]).as("a binary comment line after the PDF header").isEqualTo((byte) '%');
        for (int i = lineStart + 1; i < lineStart + 5; i++) {
            changed[i] = (byte) (changed[i] ^ 0x11);
        }
        assertThat(changed).isNotEqualTo(pdf);
        return changed;
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        throw new AssertionError("no line break in the PDF");
    }

    /** Follows the upload stage's plan log from now on, to see when a file has been validated and planned. */
    private static final class PlanWatcher implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;

        PlanWatcher(String bootstrapServers) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(PipelineTopics.SESSIONS_PLANNED, Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        boolean awaitPlanNaming(String fileId, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    if (record.value() != null
                            && new String(record.value(), StandardCharsets.UTF_8).contains("\"" + fileId + "\"")) {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(2));
        }
    }
}
