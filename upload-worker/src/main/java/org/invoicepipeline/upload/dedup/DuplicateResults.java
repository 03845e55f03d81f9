package org.invoicepipeline.upload.dedup;

import java.time.Instant;

import org.invoicepipeline.events.ExtractionResult;

/**
 * The result of a duplicate: the first file's result (status, rows, columns, review items, failed pages, error,
 * upload session, submission, extraction, outputs) under the duplicate's own identity (file id, name, source,
 * batch, attributes, registration time), with {@code duplicate_of} naming the first file. A first that failed,
 * was cancelled or dead-lettered gives the duplicates waiting for it the same status and error, so they end at once
 * and deterministically (a file with those bytes registered after that is uploaded itself: {@link ContentDecision}).
 * {@code result_id} is {@code <file_id>/<the first's submission or session id>}, deterministic, as every result id.
 */
public final class DuplicateResults {

    private DuplicateResults() {
    }

    public static ExtractionResult of(WaitingDuplicate duplicate, ExtractionResult first, Instant now) {
        String firstResultId = first.getResultId();
        String suffix = firstResultId.startsWith(first.getFileId() + "/")
                ? firstResultId.substring(first.getFileId().length() + 1) : firstResultId;
        return ExtractionResult.newBuilder(first)
                .setResultId(duplicate.fileId() + "/" + suffix)
                .setFileId(duplicate.fileId())
                .setFileName(duplicate.fileName())
                .setSourceUri(duplicate.sourceUri())
                .setProfile(duplicate.profile())
                .setBatchKey(duplicate.batchKey())
                .setAttributes(duplicate.attributes())
                .setRegisteredAt(Instant.ofEpochMilli(duplicate.registeredAt()))
                .setProducedAt(now)
                .setDuplicateOf(duplicate.firstFileId())
                .build();
    }
}
