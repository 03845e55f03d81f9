package org.invoicepipeline.submit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.client.ClientOptions;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.UploadFileSpec;
import org.invoicepipeline.client.model.UploadSession;
import org.invoicepipeline.client.upload.UploadSource;
import org.invoicepipeline.common.kafka.PipelineHeaders;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.common.serde.EventSerializer;
import org.invoicepipeline.common.testing.WorkerTestInfrastructure;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.PartsUploaded;
import org.invoicepipeline.sandbox.ApiSandbox;
import org.invoicepipeline.samples.SampleInvoiceGenerator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A KRaft broker, the API sandbox, and helpers to upload sessions and run the submit worker. */
final class SubmitWorkerRig implements AutoCloseable {

    static final String API_KEY = "submit-test-key";
    static final int PARTITIONS = 2;

    final EmbeddedKafkaKraftBroker broker;
    final ApiSandbox sandbox;
    final InvoiceExtractionClient client;
    private final WorkerTestInfrastructure infrastructure;
    private final EventSerializer<PartsUploaded> serializer = new EventSerializer<>();
    private final EventDeserializer<ExtractionSubmitted> submittedDeserializer = new EventDeserializer<>(ExtractionSubmitted.class);
    private final EventDeserializer<ExtractionResult> resultDeserializer = new EventDeserializer<>(ExtractionResult.class);
    private final SampleInvoiceGenerator samples = new SampleInvoiceGenerator(7);
    private int sampleIndex;

    SubmitWorkerRig() {
        infrastructure = new WorkerTestInfrastructure(API_KEY, PARTITIONS, Map.of());
        broker = infrastructure.broker();
        sandbox = infrastructure.sandbox();
        client = InvoiceExtractionClient.create(ClientOptions.builder().baseUrl(sandbox.baseUrl()).apiKey(API_KEY)
                .rateLimitScale(WorkerTestInfrastructure.RATE_LIMIT_SCALE).build());
        serializer.configure(Map.of(), false);
        submittedDeserializer.configure(Map.of(), false);
        resultDeserializer.configure(Map.of(), false);
    }

    /** Topic names of one test. */
    record Topics(String partsUploaded, String submitted, String results) {
        static Topics named(String prefix) {
            return new Topics(prefix + "-parts-uploaded", prefix + "-extraction-submitted", prefix + "-extraction-results");
        }

        String dlt() {
            return partsUploaded + ".DLT";
        }

        List<String> all() {
            return List.of(partsUploaded, submitted, dlt(), results);
        }
    }

    void createTopics(Topics topics) {
        broker.addTopics(topics.all().stream().map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toArray(NewTopic[]::new));
    }

    ConfigurableApplicationContext startWorker(Topics topics, Map<String, Object> overrides) {
        Map<String, Object> props = infrastructure.workerProperties();
        props.put("pipeline.submit.topics.parts-uploaded", topics.partsUploaded());
        props.put("pipeline.submit.topics.extraction-submitted", topics.submitted());
        props.put("pipeline.submit.topics.extraction-results", topics.results());
        props.put("pipeline.submit.topics.partitions", PARTITIONS);
        props.put("pipeline.submit.group-id", topics.partsUploaded() + "-submit");
        props.put("pipeline.submit.admission.credits-cache-ttl", "200ms");
        props.put("pipeline.submit.admission.insufficient-credits-wait", "300ms");
        props.put("pipeline.submit.admission.submissions-paused-wait", "300ms");
        props.put("pipeline.submit.admission.max-submissions-paused-wait", "1s");
        props.put("pipeline.submit.retry.initial-interval", "100ms");
        props.put("pipeline.submit.retry.max-interval", "500ms");
        props.put("pipeline.submit.retry.max-attempts", "3");
        props.put("pipeline.submit.retry.max-blocking-sleep", "200ms");
        props.put("pipeline.profiles.std.prompt", "Extract invoice number, date and total");
        props.put("pipeline.profiles.std.task-name", "Submit stage test");
        props.putAll(overrides);
        return new SpringApplicationBuilder(SubmitWorkerApplication.class).web(org.springframework.boot.WebApplicationType.NONE).properties(props).run();
    }

    /** An upload session with {@code files} completed sample invoices, as the upload stage would report it. */
    PartsUploaded uploadedSession(String sessionId, String profile, int files) {
        return uploadedSession(client, sessionId, profile, files);
    }

    /** The same, uploaded through {@code client} (e.g. to a sandbox of the test's own). */
    PartsUploaded uploadedSession(InvoiceExtractionClient client, String sessionId, String profile, int files) {
        List<UploadFileSpec> specs = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            byte[] pdf = samples.toPdf(samples.generate(sampleIndex++));
            contents.add(pdf);
            specs.add(new UploadFileSpec(sessionId + "-f" + i, "invoice-" + i + ".pdf", pdf.length));
        }
        UploadSession session = client.createUploadSession(sessionId, specs);
        List<FileRef> refs = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            UploadFileSpec spec = specs.get(i);
            client.uploadFile(session, spec.fileId(), UploadSource.ofBytes(spec.fileName(), contents.get(i)));
            refs.add(FileRef.newBuilder().setFileId(spec.fileId()).setApiFileId(spec.fileId())
                    .setFileName(spec.fileName()).setOriginalFileName(spec.fileName())
                    .setSourceUri("file:///invoices/" + spec.fileName()).setSizeBytes(spec.fileSizeBytes())
                    .setRegisteredAt(Instant.parse("2026-01-15T10:00:00Z")).setAttributes(Map.of("n", Integer.toString(i)))
                    .build());
        }
        return PartsUploaded.newBuilder().setUploadSessionId(sessionId).setProfile(profile).setBatchKey("batch-" + sessionId)
                .setFiles(refs).setUploadedAt(Instant.now()).build();
    }

    void publish(String topic, PartsUploaded parts) throws Exception {
        infrastructure.send(topic, parts.getUploadSessionId(), serializer.serialize(topic, parts));
    }

    void sendRaw(String topic, String key, byte[] value) throws Exception {
        infrastructure.send(topic, key, value);
    }

    ExtractionResult result(ConsumerRecord<String, byte[]> record) {
        return resultDeserializer.deserialize(record.topic(), record.headers(), record.value());
    }

    ExtractionSubmitted submitted(ConsumerRecord<String, byte[]> record) {
        return submittedDeserializer.deserialize(record.topic(), record.headers(), record.value());
    }

    static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        return PipelineHeaders.lastValue(record.headers(), name);
    }

    @Override
    public void close() {
        client.close();
        infrastructure.close();
    }
}
