package org.invoicepipeline.ops.dlt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.invoicepipeline.ops.ExitCodes;
import org.invoicepipeline.ops.OpsCommand;
import org.invoicepipeline.ops.OpsContext;
import org.invoicepipeline.ops.OpsException;
import org.invoicepipeline.ops.kafka.DeadLetterRecord;
import org.invoicepipeline.common.events.EventJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dlt show ID}: one dead letter decoded: its headers and the original event as JSON. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "One dead letter decoded: where it is, the stage's error headers and the original event as JSON.")
public class DltShowCommand implements Callable<Integer> {

    /** The answer. */
    public record Shown(String id, Instant at, String stage, String code, String message, Boolean retryable,
                        Integer attempts, String originalRecord, String key, Map<String, String> headers,
                        String eventType, JsonNode event) {
    }

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The record as dlt list names it: <topic>-<partition>@<offset>.")
    String id;

    @Override
    public Integer call() {
        Object[] parts = DeadLetterRecord.parseId(id);
        if (parts == null) {
            throw new OpsException(ExitCodes.USAGE, "not a record id: '" + id + "' (expected <topic>-<partition>@<offset>,"
                    + " e.g. files-registered.DLT-0@12)");
        }
        OpsContext context = OpsCommand.context(spec);
        String topic = (String) parts[0];
        if (!context.topology().deadLetterTopics().contains(topic)) {
            throw OpsException.notFound("'" + topic + "' is not a dead-letter topic of the pipeline ("
                    + String.join(", ", context.topology().deadLetterTopics()) + ")");
        }
        if (!context.kafka().topics().contains(topic)) {
            throw OpsException.notFound("topic " + topic + " does not exist (no dead letter was written to it yet)");
        }
        DeadLetterRecord record = read(context, topic, (Integer) parts[1], (Long) parts[2]);
        context.output().emit(shown(record), DltShowCommand::human);
        return ExitCodes.OK;
    }

    private static DeadLetterRecord read(OpsContext context, String topic, int partition, long offset) {
        TopicPartition tp = new TopicPartition(topic, partition);
        try (KafkaConsumer<byte[], byte[]> consumer = context.kafka().newConsumer()) {
            if (consumer.partitionsFor(topic).stream().noneMatch(p -> p.partition() == partition)) {
                throw OpsException.notFound("topic " + topic + " has no partition " + partition);
            }
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            long start = consumer.beginningOffsets(List.of(tp)).get(tp);
            if (offset < start || offset >= end) {
                throw OpsException.notFound("no record at " + DeadLetterRecord.id(topic, partition, offset)
                        + " (partition holds offsets " + start + " to " + (end - 1) + ")");
            }
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + context.kafka().timeout().toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(java.time.Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return context.deadLetters().decode(List.of(record)).get(0);
                    }
                    if (record.offset() > offset) {
                        throw OpsException.notFound("no record at " + DeadLetterRecord.id(topic, partition, offset)
                                + " (not a committed record)");
                    }
                }
            }
            throw OpsException.notFound("no record at " + DeadLetterRecord.id(topic, partition, offset));
        }
    }

    static Shown shown(DeadLetterRecord r) {
        String original = r.originalTopic() == null ? null
                : DeadLetterRecord.id(r.originalTopic(), r.originalPartition() == null ? -1 : r.originalPartition(),
                r.originalOffset() == null ? -1 : r.originalOffset());
        return new Shown(r.id(), r.timestamp(), r.stage(), r.code(), r.message(), r.retryable(), r.attempts(), original,
                r.keyText(), r.headerText(), r.event() == null ? null : r.event().getSchema().getName(),
                r.event() == null ? null : EventJson.of(r.event()));
    }

    static String human(Shown s) {
        StringBuilder text = new StringBuilder();
        text.append("record     ").append(s.id()).append(" at ").append(s.at()).append('\n');
        text.append("stage      ").append(s.stage()).append('\n');
        text.append("error      ").append(s.code()).append(" (retryable ").append(s.retryable()).append(", attempts ")
                .append(s.attempts()).append(")\n");
        text.append("message    ").append(s.message()).append('\n');
        text.append("original   ").append(s.originalRecord()).append(", key ").append(s.key()).append('\n');
        text.append("headers\n");
        s.headers().forEach((k, v) -> text.append("  ").append(k).append(": ").append(v).append('\n'));
        if (s.event() == null) {
            text.append("event      (the original bytes are not a readable event)\n");
        }
        else {
            try {
                text.append("event      ").append(s.eventType()).append('\n')
                        .append(PRETTY.writeValueAsString(s.event())).append('\n');
            }
            catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return text.toString();
    }
}
