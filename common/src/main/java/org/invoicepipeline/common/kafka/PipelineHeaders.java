package org.invoicepipeline.common.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Headers the pipeline adds to every dead-lettered record, next to Spring Kafka's own {@code kafka_dlt-*}
 * headers (original topic, partition, offset, exception class and stack trace). Values are UTF-8 text.
 */
public final class PipelineHeaders {

    /** The stage that gave up on the record, e.g. {@code upload}. */
    public static final String STAGE = "x-pipeline-stage";
    /** The API's error code (e.g. {@code FILE_TOO_LARGE}) or a pipeline code (e.g. {@code SOURCE_NOT_ALLOWED}). */
    public static final String ERROR_CODE = "x-error-code";
    /** A human-readable reason; never carries a signed URL's query string or a key. */
    public static final String ERROR_MESSAGE = "x-error-message";
    /** {@code true} when the same record may succeed later unchanged (it ran out of attempts). */
    public static final String ERROR_RETRYABLE = "x-error-retryable";
    /** How many times the stage tried the record before giving up. */
    public static final String ATTEMPTS = "x-attempts";

    private PipelineHeaders() {
    }

    /** The last value of {@code name} as text, if present. */
    public static Optional<String> lastValue(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        return Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
