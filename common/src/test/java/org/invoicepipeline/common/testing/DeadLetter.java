package org.invoicepipeline.common.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.invoicepipeline.common.kafka.PipelineHeaders;
import org.invoicepipeline.common.serde.EventDeserializer;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.FileFailure;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.PartsUploaded;

/**
 * One record of a {@code <topic>.DLT} as tests read it: its {@code x-error-*} headers and the files it names. The
 * value is decoded whatever its shape: an Avro event of the pipeline (a registration, parts uploaded, a submission,
 * a completion) or the upload stage's internal JSON plan (every {@code fileId} / {@code file_id} in it). A value
 * that is neither (poison bytes) names no file.
 *
 * @param topic     the dead-letter topic
 * @param code      {@code x-error-code}, or null when missing
 * @param message   {@code x-error-message}, or null when missing
 * @param retryable {@code x-error-retryable}, or null when missing
 * @param fileIds   the files the dead-lettered record concerns
 */
public record DeadLetter(String topic, String code, String message, String retryable, Set<String> fileIds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public DeadLetter {
        fileIds = Set.copyOf(fileIds);
    }

    /** Decodes a dead-letter record (value as raw bytes). */
    public static DeadLetter of(ConsumerRecord<?, byte[]> record) {
        return new DeadLetter(record.topic(),
                PipelineHeaders.lastValue(record.headers(), PipelineHeaders.ERROR_CODE).orElse(null),
                PipelineHeaders.lastValue(record.headers(), PipelineHeaders.ERROR_MESSAGE).orElse(null),
                PipelineHeaders.lastValue(record.headers(), PipelineHeaders.ERROR_RETRYABLE).orElse(null),
                fileIdsIn(record.topic(), record.value()));
    }

    /** Decodes every record. */
    public static List<DeadLetter> of(List<? extends ConsumerRecord<?, byte[]>> records) {
        return records.stream().<DeadLetter>map(DeadLetter::of).toList();
    }

    public boolean names(String fileId) {
        return fileIds.contains(fileId);
    }

    static Set<String> fileIdsIn(String topic, byte[] value) {
        if (value == null || value.length == 0) {
            return Set.of();
        }
        SpecificRecord event = decodeEvent(topic, value);
        if (event != null) {
            return fileIdsOf(event);
        }
        return fileIdsInJson(value);
    }

    private static SpecificRecord decodeEvent(String topic, byte[] value) {
        try (EventDeserializer<SpecificRecord> events = new EventDeserializer<>()) {
            events.configure(Map.of(), false);
            return events.deserialize(topic, value);
        }
        catch (RuntimeException notAnEvent) {
            return null;
        }
    }

    private static Set<String> fileIdsOf(SpecificRecord event) {
        Set<String> ids = new LinkedHashSet<>();
        if (event instanceof FileRegistered registered) {
            ids.add(registered.getFileId());
        }
        else if (event instanceof PartsUploaded parts) {
            parts.getFiles().stream().map(FileRef::getFileId).forEach(ids::add);
            parts.getFailedFiles().stream().map(FileFailure::getFileId).forEach(ids::add);
        }
        else if (event instanceof ExtractionSubmitted submitted) {
            submitted.getFiles().stream().map(FileRef::getFileId).forEach(ids::add);
        }
        else if (event instanceof ExtractionCompleted completed) {
            completed.getFiles().stream().map(FileRef::getFileId).forEach(ids::add);
        }
        else if (event instanceof ExtractionResult result) {
            ids.add(result.getFileId());
        }
        return ids;
    }

    private static Set<String> fileIdsInJson(byte[] value) {
        try {
            JsonNode root = JSON.readTree(value);
            Set<String> ids = new LinkedHashSet<>();
            collectFileIds(root, ids);
            return ids;
        }
        catch (IOException | RuntimeException notJson) {
            return Set.of();
        }
    }

    private static void collectFileIds(JsonNode node, Set<String> ids) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            for (Map.Entry<String, JsonNode> field : fields) {
                boolean isFileId = field.getKey().equals("fileId") || field.getKey().equals("file_id");
                if (isFileId && field.getValue().isTextual()) {
                    ids.add(field.getValue().asText());
                }
                else {
                    collectFileIds(field.getValue(), ids);
                }
            }
        }
        else if (node.isArray()) {
            node.forEach(child -> collectFileIds(child, ids));
        }
    }
}
