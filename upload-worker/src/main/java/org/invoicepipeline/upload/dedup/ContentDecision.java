package org.invoicepipeline.upload.dedup;

import org.invoicepipeline.events.ResultStatus;

/**
 * Whether a validated file is uploaded (the first of its content under its profile) or waits for the result of
 * the file that is: a pure function of the index entry of its content.
 */
public enum ContentDecision {

    /** Upload it; it becomes (or stays) the first file of its content. */
    FIRST,
    /** Do not upload it; it gets the result of the indexed first file. */
    DUPLICATE;

    /**
     * @param fileId  the file being taken in
     * @param indexed what the index knows of its content, or null
     */
    public static ContentDecision of(String fileId, IndexedContent indexed) {
        if (indexed == null || indexed.firstFileId().equals(fileId)) {
            return FIRST; // new content, or the first file itself read again (a replay)
        }
        if (indexed.firstStatus() == null || indexed.firstStatus() == ResultStatus.EXTRACTED) {
            return DUPLICATE; // in flight or extracted: its rows will be (are) there
        }
        // the first file failed, was cancelled or dead-lettered: these bytes deserve their own try
        return FIRST;
    }
}
