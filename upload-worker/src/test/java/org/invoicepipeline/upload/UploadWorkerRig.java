package org.invoicepipeline.upload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.invoicepipeline.common.kafka.PipelineHeaders;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.common.serde.EventSerializer;
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
    private final KafkaProducer<String, byte[]> producer;
    private final EventSerializer<FileRegistered> serializer = new EventSerializer<>();
    private final EventDeserializer<PartsUploaded> partsDeserializer = new EventDeserializer<>(PartsUploaded.class);
    private final SampleInvoiceGenerator samples = new SampleInvoiceGenerator(42);

    UploadWorkerRig(Path tempDir) throws IOException {
        broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        sandbox = ApiSandbox.builder().apiKey(API_KEY).credits(100_000).rateLimitScale(60.0)
                .pageProcessingTime(Duration.ofMillis(20)).port(0).start();
        allowedRoot = Files.createDirectories(tempDir.resolve("allowed"));
        outsideRoot = Files.createDirectories(tempDir.resolve("outside"));
        serializer.configure(Map.of(), false);
        partsDeserializer.configure(Map.of(), false);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
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
        Map<String, Object> props = new HashMap<>();
        props.put("spring.kafka.bootstrap-servers", broker.getBrokersAsString());
        props.put("pipeline.api.base-url", sandbox.baseUrl());
        props.put("pipeline.api.api-key", API_KEY);
        props.put("pipeline.api.rate-limit-scale", "60");
        props.put("pipeline.api.retry-max-total", "3s");
        props.put("pipeline.api.retry-initial-backoff", "20ms");
        props.put("pipeline.api.retry-max-backoff", "200ms");
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
        return new SpringApplicationBuilder(UploadWorkerApplication.class).properties(props).run();
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
        producer.send(new ProducerRecord<>(topic, key, serializer.serialize(topic, event))).get(10, TimeUnit.SECONDS);
    }

    /** Registers on a given partition, as a producer keying the same file differently would. */
    void register(String topic, int partition, FileRegistered event) throws Exception {
        producer.send(new ProducerRecord<>(topic, partition, event.getFileId(), serializer.serialize(topic, event)))
                .get(10, TimeUnit.SECONDS);
    }

    void sendRaw(String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
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
        producer.close(Duration.ofSeconds(5));
        sandbox.close();
        broker.destroy();
    }
}
