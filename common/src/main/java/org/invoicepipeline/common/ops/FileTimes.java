package org.invoicepipeline.common.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * The files a pipeline event is about, with their registration times, read from the event itself: a
 * {@code FileRegistered} or {@code ExtractionResult} names one file ({@code file_id}, {@code registered_at}),
 * the session and extraction events list theirs in {@code files} (and {@code failed_files}). Anything else
 * (raw bytes, an unknown type) names none.
 */
public final class FileTimes {

    /** One file of an event. */
    public record FileTime(String fileId, Instant registeredAt) {
    }

    private FileTimes() {
    }

    public static List<FileTime> of(Object event) {
        if (!(event instanceof GenericRecord record)) {
            return List.of();
        }
        List<FileTime> files = new ArrayList<>();
        addSingle(record, files);
        addList(record, "files", files);
        addList(record, "failed_files", files);
        return files;
    }

    private static void addList(GenericRecord record, String field, List<FileTime> files) {
        if (record.getSchema().getField(field) == null || !(record.get(field) instanceof List<?> list)) {
            return;
        }
        for (Object item : list) {
            if (item instanceof GenericRecord file) {
                addSingle(file, files);
            }
        }
    }

    private static void addSingle(GenericRecord record, List<FileTime> files) {
        Schema schema = record.getSchema();
        if (schema.getField("file_id") == null || schema.getField("registered_at") == null) {
            return;
        }
        Object id = record.get("file_id");
        Object at = record.get("registered_at");
        if (id != null && at instanceof Instant instant) {
            files.add(new FileTime(id.toString(), instant));
        }
        else if (id != null && at instanceof Long millis) {
            files.add(new FileTime(id.toString(), Instant.ofEpochMilli(millis)));
        }
    }
}
