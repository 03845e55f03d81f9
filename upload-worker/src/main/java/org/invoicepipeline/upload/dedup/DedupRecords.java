package org.invoicepipeline.upload.dedup;

import java.io.IOException;
import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.invoicepipeline.events.ResultStatus;

/**
 * JSON values of the two internal, compacted de-duplication topics (private to this stage, like the plan log):
 * the content index ({@link IndexedContent}, key {@link ContentKeys}) and the waiting duplicates
 * ({@link WaitingDuplicate}, key file id). A null value (tombstone) removes a key.
 */
public final class DedupRecords {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** The index value as written: the result as base64 text. */
    record IndexValue(String firstFileId, String firstStatus, String firstResult) {
    }

    private DedupRecords() {
    }

    public static byte[] write(IndexedContent content) {
        return json(new IndexValue(content.firstFileId(),
                content.firstStatus() == null ? null : content.firstStatus().name(),
                content.firstResult() == null ? null : Base64.getEncoder().encodeToString(content.firstResult())));
    }

    public static IndexedContent readIndexed(byte[] bytes) {
        IndexValue value = read(bytes, IndexValue.class);
        return new IndexedContent(value.firstFileId(),
                value.firstStatus() == null ? null : status(value.firstStatus()),
                value.firstResult() == null ? null : Base64.getDecoder().decode(value.firstResult()));
    }

    public static byte[] write(WaitingDuplicate duplicate) {
        return json(duplicate);
    }

    public static WaitingDuplicate readWaiting(byte[] bytes) {
        return read(bytes, WaitingDuplicate.class);
    }

    private static ResultStatus status(String name) {
        try {
            return ResultStatus.valueOf(name);
        }
        catch (IllegalArgumentException e) {
            return ResultStatus.UNKNOWN;
        }
    }

    private static byte[] json(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        }
        catch (IOException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getClass().getSimpleName(), e);
        }
    }
}
