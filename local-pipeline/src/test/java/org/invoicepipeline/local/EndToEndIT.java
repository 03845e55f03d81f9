package org.invoicepipeline.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.invoicepipeline.common.testing.ResultInvariant;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.local.monitor.PipelineProgress;
import org.invoicepipeline.local.register.FolderRegistrar;
import org.invoicepipeline.local.run.PipelineTopics;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.samples.SampleInvoice;
import org.invoicepipeline.sandbox.account.AccountCounters;
import org.invoicepipeline.upload.config.UploadWorkerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.invoicepipeline.local.PipelineFixture.GENERATOR;

/**
 * The whole pipeline in one JVM (real KRaft broker, in-process sandbox with limits scaled 60x): generated invoices
 * with known values end in exactly one result each carrying exactly those values; bad files (a truncated PDF, an
 * oversized, an empty and an unsupported one) end in dead letters with their codes and a DEAD_LETTERED result, and
 * are never uploaded; a poison record on every stage input reaches its dead-letter topic while the stages go on.
 */
class EndToEndIT {

    @TempDir
    Path input;

    @TempDir
    Path output;

    @Test
    void generatedInvoicesComeOutWithTheirKnownValuesAndBadFilesAreDeadLettered() throws Exception {
        List<SampleInvoice> invoices = PipelineFixture.writeInvoices(input, 1, 8);
        SampleInvoice damaged = GENERATOR.generate(90).withFileName("damaged.pdf");
        Files.write(input.resolve("damaged.pdf"), GENERATOR.toCorruptPdf(damaged));
        GENERATOR.writeLargePdf(GENERATOR.generate(91), 2 * 1024 * 1024, input.resolve("oversized.pdf"));
        Files.write(input.resolve("empty.pdf"), new byte[0]);
        Files.writeString(input.resolve("notes.txt"), "not an invoice");

        Map<Stage, Map<String, String>> settings = new HashMap<>(PipelineFixture.fastClocks());
        settings.put(Stage.UPLOAD, Map.of(UploadWorkerProperties.PLANNER_LINGER, "500ms",
                UploadWorkerProperties.VALIDATION_MAX_PDF_SIZE, "1MB"));
        try (LocalPipeline pipeline = LocalPipeline.start(
                PipelineFixture.options(input, output, 60, Duration.ofMillis(20)), settings)) {
            injectPoison(pipeline.bootstrapServers());
            List<String> registered = new ArrayList<>(
                    pipeline.registerInput().stream().map(FileRegistered::getFileId).toList());
            assertThat(registered).hasSize(12);

            PipelineProgress progress = pipeline.awaitAllDone(Duration.ofMinutes(3), Duration.ofMillis(500), p -> { });

            assertThat(progress.allDone()).as("every file ended: %s", progress).isTrue();
            Thread.sleep(1_000); // a quiet period: a replay published late would still count
            Map<String, String> badFiles = Map.of("damaged.pdf", "CORRUPT_FILE", "oversized.pdf", "FILE_TOO_LARGE",
                    "empty.pdf", "EMPTY_FILE", "notes.txt", "UNSUPPORTED_FILE_TYPE");
            ResultInvariant invariant = PipelineFixture.invariant(pipeline, registered)
                    .expectAll(ResultStatus.EXTRACTED)
                    .sandboxCounters(counters(pipeline), invoices.size());
            badFiles.forEach((name, code) -> invariant.expect(FolderRegistrar.fileIdOf(input.resolve(name)), code,
                    ResultStatus.DEAD_LETTERED));
            ResultInvariant.Summary summary = invariant.check();
            System.out.println("invariant: " + summary);
            assertThat(summary.deadLettersByCode()).as("dead letters naming files").containsOnlyKeys(badFiles.values());

            Map<String, List<ExtractionResult>> results = pipeline.monitor().results();
            for (SampleInvoice invoice : invoices) {
                ExtractionResult result = results.get(PipelineFixture.fileIdOf(input, invoice)).get(0);
                assertThat(result.getFileName()).isEqualTo(invoice.fileName());
                PipelineFixture.assertKnownValues(result, invoice);
                assertThat(result.getOutputs()).isNotEmpty();
                assertThat(Path.of(java.net.URI.create(result.getOutputs().get(0).getUri()))).exists();
            }
            badFiles.keySet().forEach(name -> assertThat(results.get(FolderRegistrar.fileIdOf(input.resolve(name))))
                    .as(name).allSatisfy(result -> assertThat(result.getUploadSessionId()).as("never uploaded").isNull()));

            assertThat(cleanupPolicy(pipeline.bootstrapServers(), PipelineTopics.SESSIONS_PLANNED))
                    .as("the upload planner's duplicate index lives in its plan log").isEqualTo("compact");

            Set<String> poisoned = deadLetterTopicsHoldingPoison(pipeline.bootstrapServers());
            assertThat(poisoned).containsExactlyInAnyOrderElementsOf(PipelineTopics.deadLetterTopics());

            // What --watch does: a second scan registers only the file added since.
            SampleInvoice late = PipelineFixture.writeInvoices(input, 9, 1).get(0);
            List<FileRegistered> rescanned = pipeline.registerInput();
            assertThat(rescanned).singleElement()
                    .satisfies(r -> assertThat(r.getFileName()).isEqualTo(late.fileName()));
            registered.add(rescanned.get(0).getFileId());
            assertThat(pipeline.awaitAllDone(Duration.ofMinutes(1), Duration.ofMillis(500), p -> { }).allDone()).isTrue();
            Thread.sleep(1_000); // a quiet period: a replay published late would still count
            ResultInvariant afterRescan = PipelineFixture.invariant(pipeline, registered)
                    .expectAll(ResultStatus.EXTRACTED)
                    .sandboxCounters(counters(pipeline), invoices.size() + 1);
            badFiles.forEach((name, code) -> afterRescan.expect(FolderRegistrar.fileIdOf(input.resolve(name)), code,
                    ResultStatus.DEAD_LETTERED));
            System.out.println("invariant after the rescan: " + afterRescan.check());
            PipelineFixture.assertKnownValues(
                    pipeline.monitor().results().get(PipelineFixture.fileIdOf(input, late)).get(0), late);
        }
    }

    private static AccountCounters counters(LocalPipeline pipeline) {
        return pipeline.sandbox().orElseThrow().control().counters(LocalPipeline.SANDBOX_API_KEY);
    }

    private static void injectPoison(String bootstrapServers) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer())) {
            for (String topic : PipelineTopics.STAGE_INPUTS) {
                producer.send(new ProducerRecord<>(topic, "poison", "poison bytes".getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    private static String cleanupPolicy(String bootstrapServers, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        }
    }

    private static Set<String> deadLetterTopicsHoldingPoison(String bootstrapServers) {
        Map<String, Object> props = Map.of(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, "poison-check",
                org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(props,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(PipelineTopics.deadLetterTopics());
            Set<String> topics = new java.util.HashSet<>();
            long end = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value() != null && "poison bytes".equals(new String(r.value(), StandardCharsets.UTF_8))) {
                        topics.add(r.topic());
                    }
                });
            }
            return topics.stream().collect(Collectors.toSet());
        }
    }
}
