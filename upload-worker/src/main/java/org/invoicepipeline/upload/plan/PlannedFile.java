package org.invoicepipeline.upload.plan;

import java.util.Map;

import org.invoicepipeline.common.events.RetryGenerations;
import org.invoicepipeline.upload.source.SourceObject;

/**
 * One file of a planned upload session: everything needed to upload it and to describe it downstream,
 * so the uploader never needs the original FileRegistered record.
 *
 * @param fileId           FileRegistered.file_id, also the file's id in the API session
 * @param sessionFileName  the name registered in the session, unique within it (the API's Source File name)
 * @param originalFileName FileRegistered.file_name
 * @param sourceUri        FileRegistered.source_uri: which {@code SourceStore} reads the file (by its scheme)
 * @param path             where the store reads it: the validated real path of a {@code file:} source (what
 *                         uploaders before the source seam read), the {@code s3://bucket/key} of an object
 * @param sizeBytes        the size measured when planned
 * @param contentType      FileRegistered.content_type, may be null
 * @param registeredAt     FileRegistered.registered_at in epoch milliseconds
 * @param attributes       FileRegistered.attributes
 * @param sha256           hex SHA-256 of the bytes validated; null in plans written before it was recorded (the
 *                         uploader then compares what it sent with the file as it is after the last part)
 * @param origin           the registration record, for a dead letter identical to the planner's; null in plans
 *                         written before it was recorded (the dead letter is then rebuilt from these fields)
 * @param sourceIdentity   what identified the content at validation ({@code etag=...[;version=...]} for an object,
 *                         {@code size=...;mtime=...} for a local file); null in plans written before it was recorded
 * @param retryGeneration  FileRegistered.retry_generation (0 in plans written before it was recorded)
 */
public record PlannedFile(String fileId, String sessionFileName, String originalFileName, String sourceUri, String path,
                          long sizeBytes, String contentType, long registeredAt, Map<String, String> attributes,
                          String sha256, RegistrationOrigin origin, String sourceIdentity, int retryGeneration) {

    public PlannedFile {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** The identity of this file's work in the planner's index and in the session id ({@link RetryGenerations}). */
    public String workKey() {
        return RetryGenerations.workKey(fileId, retryGeneration);
    }

    /** A file without a recorded digest or origin (as in plans written before those were recorded). */
    public PlannedFile(String fileId, String sessionFileName, String originalFileName, String sourceUri, String path,
                       long sizeBytes, String contentType, long registeredAt, Map<String, String> attributes) {
        this(fileId, sessionFileName, originalFileName, sourceUri, path, sizeBytes, contentType, registeredAt,
                attributes, null, null, null, 0);
    }

    /** A file of retry generation 0 without a recorded source identity (as in plans written before those were recorded). */
    public PlannedFile(String fileId, String sessionFileName, String originalFileName, String sourceUri, String path,
                       long sizeBytes, String contentType, long registeredAt, Map<String, String> attributes,
                       String sha256, RegistrationOrigin origin) {
        this(fileId, sessionFileName, originalFileName, sourceUri, path, sizeBytes, contentType, registeredAt,
                attributes, sha256, origin, null, 0);
    }

    /** The source as planned, for the store that reads it. */
    public SourceObject source() {
        return new SourceObject(sourceUri, path, sizeBytes, sourceIdentity);
    }

    /** How messages name the file: {@code file <file_id> '<file_name>'}. */
    public String label() {
        return "file " + fileId + " '" + originalFileName + "'";
    }
}
