package org.invoicepipeline.upload.dedup;

import java.util.Map;

/**
 * A file not uploaded because its content was already planned: what its result needs from its registration.
 *
 * @param fileId       FileRegistered.file_id of the duplicate
 * @param firstFileId  the file whose result it gets
 * @param contentKey   {@link ContentKeys} of the content
 * @param fileName     FileRegistered.file_name
 * @param sourceUri    FileRegistered.source_uri
 * @param profile      FileRegistered.profile
 * @param batchKey     FileRegistered.batch_key, may be null
 * @param registeredAt FileRegistered.registered_at, epoch milliseconds
 * @param attributes   FileRegistered.attributes
 */
public record WaitingDuplicate(String fileId, String firstFileId, String contentKey, String fileName,
                               String sourceUri, String profile, String batchKey, long registeredAt,
                               Map<String, String> attributes) {

    public WaitingDuplicate {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
