package org.invoicepipeline.upload.plan;

import java.util.Map;

/**
 * One file of a planned upload session: everything needed to upload it and to describe it downstream,
 * so the uploader never needs the original FileRegistered record.
 *
 * @param fileId           FileRegistered.file_id, also the file's id in the API session
 * @param sessionFileName  the name registered in the session, unique within it (the API's Source File name)
 * @param originalFileName FileRegistered.file_name
 * @param sourceUri        FileRegistered.source_uri
 * @param path             the validated real path of the source
 * @param sizeBytes        the size measured when planned
 * @param contentType      FileRegistered.content_type, may be null
 * @param registeredAt     FileRegistered.registered_at in epoch milliseconds
 * @param attributes       FileRegistered.attributes
 */
public record PlannedFile(String fileId, String sessionFileName, String originalFileName, String sourceUri, String path,
                          long sizeBytes, String contentType, long registeredAt, Map<String, String> attributes) {

    public PlannedFile {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
