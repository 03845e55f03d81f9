package org.invoicepipeline.upload.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Where a planned file's registration came from, with its original key, value bytes and headers, so a dead letter
 * written after planning (by the uploader) is the same record the planner would have written: the original bytes
 * and Spring's {@code kafka_dlt-original-*} coordinates.
 *
 * @param topic     the registration's topic
 * @param partition its partition
 * @param offset    its offset
 * @param timestamp its timestamp
 * @param key       its key, may be null
 * @param value     its value bytes exactly as consumed
 * @param headers   its headers, in order
 */
public record RegistrationOrigin(String topic, int partition, long offset, long timestamp, String key, byte[] value,
                                 List<OriginalHeader> headers) {

    /** One header of the registration. */
    public record OriginalHeader(String name, byte[] value) {

        @Override
        public boolean equals(Object other) {
            return other instanceof OriginalHeader that && Objects.equals(name, that.name)
                    && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(name) + Arrays.hashCode(value);
        }
    }

    public RegistrationOrigin {
        headers = headers == null ? List.of() : List.copyOf(headers);
    }

    /** The origin of {@code record}. */
    public static RegistrationOrigin of(ConsumerRecord<String, byte[]> record) {
        List<OriginalHeader> headers = Arrays.stream(record.headers().toArray())
                .map((Header h) -> new OriginalHeader(h.key(), h.value()))
                .toList();
        return new RegistrationOrigin(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), record.value(), headers);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegistrationOrigin that && partition == that.partition && offset == that.offset
                && timestamp == that.timestamp && Objects.equals(topic, that.topic) && Objects.equals(key, that.key)
                && Arrays.equals(value, that.value) && headers.equals(that.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset, timestamp, key, headers) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RegistrationOrigin[" + topic + "-" + partition + "@" + offset + ", " + (value == null ? 0 : value.length)
                + " bytes]";
    }
}
