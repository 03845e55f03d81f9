package org.invoicepipeline.upload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.common.kafka.PipelineHeaders;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.common.serde.EventSerializer;
import org.invoicepipeline.common.testing.WorkerTestInfrastructure;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.PartsUploaded;
import org.invoicepipeline.sandbox.ApiSandbox;
import org.invoicepipeline.samples.SampleInvoiceGenerator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A KRaft broker, the API sandbox and helpers to run the upload worker against them. */
final class UploadWorkerRig implements AutoCloseable {

    static final String API_KEY = "upload-test-key";
    static final int PARTITIONS = 2;

    final EmbeddedKafkaKraftBroker broker;
    final ApiSandbox sandbox;
    final Path allowedRoot;
    final Path outsideRoot;
    private final WorkerTestInfrastructure infrastructure;
    private final EventSerializer<FileRegistered> serializer = new EventSerializer<>();
    private final EventDeserializer<PartsUploaded> partsDeserializer = new EventDeserializer<>(PartsUploaded.class);
    private final SampleInvoiceGenerator samples = new SampleInvoiceGenerator(42);

    UploadWorkerRig(Path tempDir) throws IOException {
        // The planner writes plans in transactions.
        infrastructure = new WorkerTestInfrastructure(API_KEY, PARTITIONS, Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker = infrastructure.broker();
        sandbox = infrastructure.sandbox();
        allowedRoot = Files.createDirectories(tempDir.resolve("allowed"));
        outsideRoot = Files.createDirectories(tempDir.resolve("outside"));
        serializer.configure(Map.of(), false);
        partsDeserializer.configure(Map.of(), false);
    }

    /** Topic names of one test, so tests never see each other's records. */
    record Topics(String filesRegistered, String planned, String partsUploaded, String results) {
        static Topics named(String prefix) {
            return new Topics(prefix + "-files-registered", prefix + "-planned", prefix + "-parts-uploaded",
                    prefix + "-results");
        }

        String filesDlt() {
            return filesRegistered + ".DLT";
        }

        String plannedDlt() {
            return planned + ".DLT";
        }

        List<String> all() {
            return List.of(filesRegistered, planned, partsUploaded, results, filesDlt(), plannedDlt());
        }
    }

    /** Creates the topics as an operator would; the plan log compacted, as the stage would create it. */
    void createTopics(Topics topics) {
        broker.addTopics(topics.all().stream()
                .map(t -> t.equals(topics.planned())
                        ? new NewTopic(t, PARTITIONS, (short) 1).configs(Map.of("cleanup.policy", "compact"))
                        : new NewTopic(t, PARTITIONS, (short) 1))
                .toArray(NewTopic[]::new));
    }

    ConfigurableApplicationContext startWorker(Topics topics, Map<String, Object> overrides) {
        Map<String, Object> props = infrastructure.workerProperties();
        props.put("pipeline.upload.topics.files-registered", topics.filesRegistered());
        props.put("pipeline.upload.topics.sessions-planned", topics.planned());
        props.put("pipeline.upload.topics.parts-uploaded", topics.partsUploaded());
        props.put("pipeline.upload.topics.extraction-results", topics.results());
        props.put("pipeline.upload.topics.partitions", PARTITIONS);
        props.put("pipeline.upload.planner.group-id", topics.filesRegistered() + "-planner");
        props.put("pipeline.upload.uploader.group-id", topics.filesRegistered() + "-uploader");
        props.put("pipeline.upload.planner.linger", "300ms");
        props.put("pipeline.upload.planner.poll-timeout", "50ms");
        props.put("pipeline.upload.validation.allowed-roots", allowedRoot.toString());
        props.put("pipeline.upload.validation.max-pdf-size", "200KB");
        props.put("pipeline.upload.retry.initial-interval", "100ms");
        props.put("pipeline.upload.retry.max-interval", "500ms");
        props.put("pipeline.upload.retry.max-attempts", "3");
        props.put("pipeline.upload.retry.max-blocking-sleep", "200ms");
        props.put("pipeline.upload.retry.insufficient-credits-wait", "300ms");
        props.put("pipeline.profiles.std.prompt", "Extract invoice number, date and total");
        props.put("spring.kafka.listener.shutdown-timeout", "2s");
        props.putAll(overrides);
        return new SpringApplicationBuilder(UploadWorkerApplication.class).web(org.springframework.boot.WebApplicationType.NONE).properties(props).run();
    }

    Path samplePdf(String name, int index) throws IOException {
        return Files.write(allowedRoot.resolve(name), samples.toPdf(samples.generate(index)));
    }

    /** A truncated copy of a generated invoice PDF: the upload stage's content check must reject it. */
    Path corruptPdf(String name, int index) throws IOException {
        return Files.write(allowedRoot.resolve(name), samples.toCorruptPdf(samples.generate(index)));
    }

    Path bytesFile(Path dir, String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, (byte) 'x');
        return Files.write(dir.resolve(name), bytes);
    }

    static FileRegistered registration(String fileId, String fileName, String sourceUri, String batchKey) {
        return FileRegistered.newBuilder()
                .setFileId(fileId)
                .setSourceUri(sourceUri)
                .setFileName(fileName)
                .setBatchKey(batchKey)
                .setProfile("std")
                .setRegisteredAt(Instant.parse("2026-01-15T10:00:00Z"))
                .setAttributes(Map.of("erp-ref", "ref-" + fileId))
                .build();
    }

    void register(String topic, FileRegistered event) throws Exception {
        String key = event.getBatchKey() != null ? event.getBatchKey() : event.getFileId();
        infrastructure.send(topic, key, serializer.serialize(topic, event));
    }

    /** Registers on a given partition, as a producer keying the same file differently would. */
    void register(String topic, int partition, FileRegistered event) throws Exception {
        infrastructure.send(topic, partition, event.getFileId(), serializer.serialize(topic, event));
    }

    void sendRaw(String topic, String key, byte[] value) throws Exception {
        infrastructure.send(topic, key, value);
    }

    PartsUploaded parts(ConsumerRecord<String, byte[]> record) {
        return partsDeserializer.deserialize(record.topic(), record.headers(), record.value());
    }

    static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        return PipelineHeaders.lastValue(record.headers(), name);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        infrastructure.close();
    }
}
