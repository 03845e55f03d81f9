package org.invoicepipeline.ops.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.invoicepipeline.common.kafka.PipelineHeaders;

/**
 * One record of a dead-letter topic, read: where it is, what the stage said ({@code x-*} headers), where the
 * original record was (Spring's {@code kafka_dlt-original-*} headers) and the original event when it decodes.
 *
 * @param event the original event, or null when its bytes are not a readable event of the stage's input
 */
public record DeadLetterRecord(String topic, int partition, long offset, Instant timestamp, String stage,
                               String code, String message, Boolean retryable, Integer attempts,
                               String originalTopic, Integer originalPartition, Long originalOffset,
                               byte[] key, byte[] value, Headers headers, SpecificRecord event) {

    /** Spring Kafka's names of the original coordinates (KafkaHeaders.DLT_ORIGINAL_*), binary big-endian values. */
    public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    public static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";

    private static final Pattern ID = Pattern.compile("(.+)-(\\d+)@(\\d+)");

    /** How the tool names a record: {@code <topic>-<partition>@<offset>}, e.g. {@code files-registered.DLT-0@12}. */
    public String id() {
        return id(topic, partition, offset);
    }

    public static String id(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }

    /** The parts of an id ({@link #id()}), or null when {@code id} is not one. */
    public static Object[] parseId(String id) {
        Matcher m = ID.matcher(id);
        return m.matches() ? new Object[] {m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3))} : null;
    }

    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /** Every header as text, binary ones (original partition / offset) as their number. */
    public Map<String, String> headerText() {
        Map<String, String> all = new LinkedHashMap<>();
        for (Header header : headers) {
            all.put(header.key(), text(header));
        }
        return all;
    }

    static DeadLetterRecord of(ConsumerRecord<byte[], byte[]> record, String defaultStage, SpecificRecord event) {
        Headers headers = record.headers();
        String stage = PipelineHeaders.lastValue(headers, PipelineHeaders.STAGE).orElse(defaultStage);
        return new DeadLetterRecord(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), stage,
                PipelineHeaders.lastValue(headers, PipelineHeaders.ERROR_CODE).orElse(null),
                PipelineHeaders.lastValue(headers, PipelineHeaders.ERROR_MESSAGE).orElse(null),
                PipelineHeaders.lastValue(headers, PipelineHeaders.ERROR_RETRYABLE).map(Boolean::valueOf).orElse(null),
                PipelineHeaders.lastValue(headers, PipelineHeaders.ATTEMPTS).map(DeadLetterRecord::intOrNull).orElse(null),
                PipelineHeaders.lastValue(headers, ORIGINAL_TOPIC).orElse(null),
                binaryInt(headers.lastHeader(ORIGINAL_PARTITION)),
                binaryLong(headers.lastHeader(ORIGINAL_OFFSET)),
                record.key(), record.value(), headers, event);
    }

    private static Integer intOrNull(String text) {
        try {
            return Integer.valueOf(text.trim());
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer binaryInt(Header header) {
        return header == null || header.value() == null || header.value().length != Integer.BYTES ? null
                : ByteBuffer.wrap(header.value()).getInt();
    }

    private static Long binaryLong(Header header) {
        return header == null || header.value() == null || header.value().length != Long.BYTES ? null
                : ByteBuffer.wrap(header.value()).getLong();
    }

    private static String text(Header header) {
        if (header.value() == null) {
            return null;
        }
        if (header.key().equals(ORIGINAL_PARTITION)) {
            return String.valueOf(binaryInt(header));
        }
        if (header.key().equals(ORIGINAL_OFFSET) || header.key().equals("kafka_dlt-original-timestamp")) {
            return String.valueOf(binaryLong(header));
        }
        if (header.key().contains("stacktrace")) {
            return "(" + header.value().length + " bytes)";
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
