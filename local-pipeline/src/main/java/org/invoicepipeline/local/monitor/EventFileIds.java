package org.invoicepipeline.local.monitor;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.invoicepipeline.events.ExtractionCompleted;
import org.invoicepipeline.events.ExtractionResult;
import org.invoicepipeline.events.ExtractionSubmitted;
import org.invoicepipeline.events.FileFailure;
import org.invoicepipeline.events.FileRef;
import org.invoicepipeline.events.FileRegistered;
import org.invoicepipeline.events.PartsUploaded;

/** The file ids a pipeline event names, so the monitor can tell whose dead letter it is. */
final class EventFileIds {

    private EventFileIds() {
    }

    /** The files {@code event} names (a PartsUploaded's failed files too); none for any other event type. */
    static List<String> of(SpecificRecord event) {
        if (event instanceof FileRegistered registered) {
            return List.of(registered.getFileId());
        }
        if (event instanceof PartsUploaded parts) {
            List<String> ids = new ArrayList<>(parts.getFiles().stream().map(FileRef::getFileId).toList());
            parts.getFailedFiles().stream().map(FileFailure::getFileId).forEach(ids::add);
            return ids;
        }
        if (event instanceof ExtractionSubmitted submitted) {
            return submitted.getFiles().stream().map(FileRef::getFileId).toList();
        }
        if (event instanceof ExtractionCompleted completed) {
            return completed.getFiles().stream().map(FileRef::getFileId).toList();
        }
        if (event instanceof ExtractionResult result) {
            return List.of(result.getFileId());
        }
        return List.of();
    }
}
