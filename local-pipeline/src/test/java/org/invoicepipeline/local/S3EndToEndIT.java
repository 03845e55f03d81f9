package org.invoicepipeline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.invoicepipeline.local.PipelineFixture.GENERATOR;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.invoicepipeline.common.events.EventKeys;
import org.invoicepipeline.common.serde.EventSerializer;
import org.invoicepipeline.common.storage.S3Connection;
import org.invoicepipeline.common.testing.ResultInvariant;
import org.invoicepipeline.common.testing.S3MockServer;
import org.invoicepipeline.download.config.DownloadWorkerProperties;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.events.StoredOutput;
import org.invoicepipeline.local.run.PipelineTopics;
import org.invoicepipeline.local.run.Stage;
import org.invoicepipeline.samples.SampleInvoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Object storage end to end: invoices registered as {@code s3://} objects of a real S3-compatible server (S3Mock in
 * its own JVM, reached through the AWS SDK), one of them large enough for several upload parts, come out EXTRACTED
 * with their known values and {@code s3://} outputs a reader can fetch; objects that are missing, outside the
 * allow-list or damaged end DEAD_LETTERED with their codes, and the rest of their batch is unaffected.
 */
class S3EndToEndIT {

    private static final String INBOX = "invoice-inbox";
    private static final String OUTPUTS = "erp-outputs";
    /** Above the API's documented 8 MiB part size: uploaded in two parts, each its own ranged GET. */
    private static final long LARGE_SIZE = 9L * 1024 * 1024;

    @TempDir
    Path input;

    @TempDir
    Path output;

    @TempDir
    Path scratch;

    @Test
    void s3SourcesComeOutExtractedWithS3OutputsAndBadObjectsAreDeadLettered() throws Exception {
        System.setProperty("aws.accessKeyId", "s3mock");
        System.setProperty("aws.secretAccessKey", "s3mock");
        try (S3MockServer server = S3MockServer.start(INBOX, OUTPUTS)) {
            S3Connection connection = new S3Connection();
            connection.setEndpoint(server.endpoint());
            connection.setPathStyleAccess(true);
            try (S3Client s3 = connection.newClient()) {
                Map<String, SampleInvoice> good = new LinkedHashMap<>();
                for (int i = 1; i <= 3; i++) {
                    SampleInvoice invoice = GENERATOR.generate(i);
                    String key = "scans/2026/" + invoice.fileName();
                    s3.putObject(b -> b.bucket(INBOX).key(key), RequestBody.fromBytes(GENERATOR.toPdf(invoice)));
                    good.put(key, invoice);
                }
                SampleInvoice large = GENERATOR.generate(4).withFileName("large-invoice.pdf");
                Path largeFile = scratch.resolve("large-invoice.pdf");
                GENERATOR.writeLargePdf(large, LARGE_SIZE, largeFile);
                s3.putObject(b -> b.bucket(INBOX).key("scans/2026/large invoice.pdf"), RequestBody.fromFile(largeFile));
                good.put("scans/2026/large invoice.pdf", large);
                s3.putObject(b -> b.bucket(INBOX).key("scans/2026/damaged.pdf"),
                        RequestBody.fromBytes(GENERATOR.toCorruptPdf(GENERATOR.generate(90))));
                s3.putObject(b -> b.bucket(INBOX).key("private/elsewhere.pdf"),
                        RequestBody.fromBytes(GENERATOR.toPdf(GENERATOR.generate(91))));

                Map<Stage, Map<String, String>> settings = new HashMap<>(PipelineFixture.fastClocks());
                settings.put(Stage.UPLOAD, Map.of(
                        "management.server.port", "0",
                        "pipeline.upload.planner.linger", "500ms",
                        "pipeline.upload.validation.allowed-s3-locations[0]", "s3://" + INBOX + "/scans/",
                        "pipeline.upload.s3.endpoint", server.endpoint().toString(),
                        "pipeline.upload.s3.path-style-access", "true"));
                settings.put(Stage.DOWNLOAD, Map.of(
                        "management.server.port", "0",
                        DownloadWorkerProperties.OUTPUT_S3_LOCATION, "s3://" + OUTPUTS + "/pipeline/",
                        "pipeline.download.s3.endpoint", server.endpoint().toString(),
                        "pipeline.download.s3.path-style-access", "true"));
                // free management ports: this test must not depend on the default ones being unused on the machine
                Map<String, String> submit = new HashMap<>(settings.getOrDefault(Stage.SUBMIT, Map.of()));
                submit.put("management.server.port", "0");
                settings.put(Stage.SUBMIT, submit);
                Map<String, String> poll = new HashMap<>(settings.getOrDefault(Stage.POLL, Map.of()));
                poll.put("management.server.port", "0");
                settings.put(Stage.POLL, poll);
                try (LocalPipeline pipeline = LocalPipeline.start(
                        PipelineFixture.options(input, output, 60, Duration.ofMillis(20)), settings)) {
                    Map<String, String> badFiles = Map.of(
                            "s3://" + INBOX + "/scans/2026/missing.pdf", "SOURCE_UNREADABLE",
                            "s3://" + INBOX + "/private/elsewhere.pdf", "SOURCE_NOT_ALLOWED",
                            "s3://" + INBOX + "/scans/2026/damaged.pdf", "CORRUPT_FILE");
                    Map<String, String> fileIds = new LinkedHashMap<>();
                    List<FileRegistered> events = new ArrayList<>();
                    int n = 0;
                    for (String key : good.keySet()) {
                        String uri = "s3://" + INBOX + "/" + key.replace(" ", "%20");
                        events.add(event("s3-good-" + (++n), uri, good.get(key).fileName()));
                        fileIds.put(uri, "s3-good-" + n);
                    }
                    for (String uri : badFiles.keySet()) {
                        events.add(event("s3-bad-" + (++n), uri, uri.substring(uri.lastIndexOf('/') + 1)));
                        fileIds.put(uri, "s3-bad-" + n);
                    }
                    register(pipeline, events);

                    assertThat(pipeline.awaitAllDone(Duration.ofMinutes(3), Duration.ofMillis(500), p -> { }).allDone())
                            .as("every file ended").isTrue();
                    Thread.sleep(1_000); // a quiet period: a replay published late would still count
                    ResultInvariant invariant = PipelineFixture.invariant(pipeline, fileIds.values())
                            .expectAll(ResultStatus.EXTRACTED);
                    badFiles.forEach((uri, code) -> invariant.expect(fileIds.get(uri), code, ResultStatus.DEAD_LETTERED));
                    System.out.println("invariant: " + invariant.check());

                    Map<String, List<ExtractionResult>> results = pipeline.monitor().results();
                    int i = 0;
                    for (SampleInvoice invoice : good.values()) {
                        ExtractionResult result = results.get("s3-good-" + (++i)).get(0);
                        PipelineFixture.assertKnownValues(result, invoice);
                        assertThat(result.getOutputs()).isNotEmpty();
                        for (StoredOutput stored : result.getOutputs()) {
                            assertThat(stored.getUri()).startsWith("s3://" + OUTPUTS + "/pipeline/extractions/");
                            String key = stored.getUri().substring(("s3://" + OUTPUTS + "/").length());
                            byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(OUTPUTS).key(key)).asByteArray();
                            assertThat((long) bytes.length).as(stored.getUri()).isEqualTo(stored.getSizeBytes());
                        }
                    }
                    assertThat(Files.exists(output.resolve("extractions"))).as("nothing in the local store").isFalse();
                    assertThat(pipeline.sandbox().orElseThrow().control().counters(LocalPipeline.SANDBOX_API_KEY)
                            .partsUploaded()).as("the large object went in several parts")
                            .isGreaterThanOrEqualTo(good.size() + 1);
                }
            }
        }
        finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    private static FileRegistered event(String fileId, String uri, String fileName) {
        return FileRegistered.newBuilder().setFileId(fileId).setSourceUri(uri).setFileName(fileName)
                .setContentType("application/pdf").setBatchKey("s3-batch").setProfile("invoices")
                .setRegisteredAt(Instant.now()).setAttributes(Map.of("source", uri)).build();
    }

    private static void register(LocalPipeline pipeline, List<FileRegistered> events) throws Exception {
        try (KafkaProducer<String, FileRegistered> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventSerializer<>())) {
            for (FileRegistered event : events) {
                producer.send(new ProducerRecord<>(PipelineTopics.FILES_REGISTERED, EventKeys.of(event), event)).get();
            }
        }
        pipeline.monitor().expect(events.stream().map(FileRegistered::getFileId).toList());
    }
}
