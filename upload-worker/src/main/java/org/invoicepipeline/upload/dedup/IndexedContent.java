package org.invoicepipeline.upload.dedup;

import org.invoicepipeline.events.ResultStatus;

/**
 * What the content index holds for one content (profile + SHA-256).
 *
 * @param firstFileId the file uploaded for this content
 * @param firstStatus the status of its result; null while it is in flight
 * @param firstResult its ExtractionResult as serialized on the results topic; null while in flight
 */
public record IndexedContent(String firstFileId, ResultStatus firstStatus, byte[] firstResult) {

    /** A first file still in flight. */
    public static IndexedContent inFlight(String firstFileId) {
        return new IndexedContent(firstFileId, null, null);
    }
}
