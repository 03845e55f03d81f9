package org.invoicepipeline.common.events;

import org.invoicepipeline.events.ExtractionQuestionsAsked;
import org.invoicepipeline.events.FileRegistered;

/**
 * Record keys of the pipeline's topics. Keys decide partitions, so they keep what must be processed
 * together on one partition.
 */
public final class EventKeys {

    private EventKeys() {
    }

    /**
     * The key of a {@code files-registered} record: the batch key when there is one (so a batch's files
     * land on one partition and one upload worker), otherwise the file id.
     */
    public static String of(FileRegistered event) {
        String batchKey = event.getBatchKey();
        return batchKey != null && !batchKey.isEmpty() ? batchKey : event.getFileId();
    }

    /**
     * The key of an {@code extraction-questions} record: the extraction id, so the question sets of one
     * extraction stay in order and the latest record of a key is the extraction's current set of open questions.
     */
    public static String of(ExtractionQuestionsAsked event) {
        return event.getExtractionId();
    }
}
