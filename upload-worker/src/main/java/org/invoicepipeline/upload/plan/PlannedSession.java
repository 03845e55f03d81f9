package org.invoicepipeline.upload.plan;

import java.util.List;

/**
 * An upload session as planned: persisted to the stage's internal topic in the same Kafka transaction as
 * the consumed FileRegistered offsets, before any API call, so a crash either replays the registrations
 * (nothing was called yet) or finds this plan (the same session id, the same files).
 *
 * @param uploadSessionId deterministic id ({@link UploadSessionIds})
 * @param profile         the files' extraction profile
 * @param batchKey        the files' batch key, or null for a single-file session
 * @param plannedAt       epoch milliseconds
 * @param files           at least one file, unique ids and session names
 */
public record PlannedSession(String uploadSessionId, String profile, String batchKey, long plannedAt,
                             List<PlannedFile> files) {

    public PlannedSession {
        files = List.copyOf(files);
    }

    public long totalBytes() {
        return files.stream().mapToLong(PlannedFile::sizeBytes).sum();
    }
}
