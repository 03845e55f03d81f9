package org.invoicepipeline.ops.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.invoicepipeline.common.events.SampleEvents;
import org.invoicepipeline.common.serde.EventSerializer;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.ResultStatus;
import org.invoicepipeline.ops.Topology;
import org.invoicepipeline.ops.kafka.DeadLetters;
import org.invoicepipeline.ops.kafka.EventCodec;
import org.junit.jupiter.api.Test;

/** The trace of a file from records of the pipeline's topics, without a broker. */
class FileHistoryTest {

    private final Topology topology = Topology.defaults();
    private final EventCodec codec = new EventCodec(Map.of());
    private final FileHistory history = new FileHistory(topology, codec, new DeadLetters(null, codec, topology));
    private final EventSerializer<SpecificRecord> serializer = new EventSerializer<>();
    private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();

    FileHistoryTest() {
        serializer.configure(Map.of(), false);
    }

    @Test
    void theCurrentOutcomeIsTheResultOfTheHighestGenerationWhateverTheOrderOfRecords() {
        FileRegistered registered = SampleEvents.fileRegistered();
        String fileId = registered.getFileId();
        // The replay's result is read before the failure (another partition, or clocks apart).
        add("extraction-results", 20, result(fileId, ResultStatus.EXTRACTED, 1, 30));
        add("files-registered", 10, registered);
        add("extraction-results", 12, result(fileId, ResultStatus.DEAD_LETTERED, 0, 40));
        add("files-registered", 15, FileRegistered.newBuilder(registered).setRetryGeneration(1).build());
        add("files-registered", 16, FileRegistered.newBuilder(registered).setFileId("someone-else").build());
        add("upload-sessions-planned", 11, "{\"uploadSessionId\":\"us-9\",\"files\":[{\"fileId\":\"" + fileId
                + "\",\"retryGeneration\":0}]}");

        FileTrace trace = history.trace(fileId, Instant.EPOCH, records);

        assertThat(trace.outcome()).isEqualTo("EXTRACTED");
        assertThat(trace.registered()).isTrue();
        assertThat(trace.steps()).extracting(TraceStep::step)
                .containsExactly("registered", "planned", "result", "registered", "result");
        assertThat(trace.steps()).extracting(TraceStep::generation).containsExactly(0, 0, 0, 1, 1);
        assertThat(trace.steps().get(1).uploadSessionId()).isEqualTo("us-9");
    }

    @Test
    void aFileOnlyOthersMentionHasNoSteps() {
        add("files-registered", 10, SampleEvents.fileRegistered());
        add("extraction-results", 12, new byte[] {1, 2, 3});

        FileTrace trace = history.trace("nobody", Instant.EPOCH, records);

        assertThat(trace.steps()).isEmpty();
        assertThat(trace.outcome()).isNull();
    }

    private static ExtractionResult result(String fileId, ResultStatus status, int generation, long producedAtSeconds) {
        return ExtractionResult.newBuilder(SampleEvents.extractionResult()).setFileId(fileId).setStatus(status)
                .setRetryGeneration(generation).setProducedAt(Instant.ofEpochSecond(producedAtSeconds)).build();
    }

    private void add(String topic, long timestampSeconds, Object value) {
        byte[] bytes = value instanceof SpecificRecord event ? serializer.serialize(topic, event)
                : value instanceof String text ? text.getBytes(java.nio.charset.StandardCharsets.UTF_8) : (byte[]) value;
        records.add(new ConsumerRecord<>(topic, 0, records.size(), timestampSeconds * 1000, TimestampType.CREATE_TIME,
                -1, bytes.length, null, bytes, new RecordHeaders(), java.util.Optional.empty()));
    }
}
