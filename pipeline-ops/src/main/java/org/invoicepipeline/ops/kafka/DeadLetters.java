package org.invoicepipeline.ops.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.common.events.EventType;
import org.invoicepipeline.ops.PipelineStage;
import org.invoicepipeline.ops.Topology;

/** Reads the pipeline's dead-letter topics into {@link DeadLetterRecord}s, their original events decoded. */
public final class DeadLetters {

    private final TopicScanner scanner;
    private final EventCodec codec;
    private final Topology topology;

    public DeadLetters(TopicScanner scanner, EventCodec codec, Topology topology) {
        this.scanner = scanner;
        this.codec = codec;
        this.topology = topology;
    }

    /** The dead letters of {@code stages} (every dead-letter topic when null) since {@code since}, oldest first. */
    public List<DeadLetterRecord> read(List<PipelineStage> stages, Instant since) {
        List<String> topics = stages == null ? topology.deadLetterTopics()
                : stages.stream().map(topology::deadLetterTopic).toList();
        return decode(scanner.scan(topics, since));
    }

    /** The dead-letter records among {@code records}, decoded. */
    public List<DeadLetterRecord> decode(List<ConsumerRecord<byte[], byte[]>> records) {
        List<DeadLetterRecord> all = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            PipelineStage stage = topology.stageOfDeadLetterTopic(record.topic());
            if (stage == null && !topology.deadLetterTopics().contains(record.topic())) {
                continue;
            }
            all.add(DeadLetterRecord.of(record, stage == null ? "upload" : stage.stageName(), decodeOriginal(record, stage)));
        }
        all.sort(Comparator.comparing(DeadLetterRecord::timestamp).thenComparing(DeadLetterRecord::id));
        return all;
    }

    private SpecificRecord decodeOriginal(ConsumerRecord<byte[], byte[]> record, PipelineStage stage) {
        EventType type = stage == null ? null : stage.input();
        return type == null ? null : codec.decodeOrNull(type, topology.topic(type), record.headers(), record.value());
    }
}
