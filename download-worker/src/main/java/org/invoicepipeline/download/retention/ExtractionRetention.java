package org.invoicepipeline.download.retention;

import org.invoicepipeline.client.ApiErrorCode;
import org.invoicepipeline.client.ApiErrorException;
import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.download.store.OutputStore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Optional deletion of an extraction from the API once its outputs are stored and its results published. A
 * marker in the output store records that the results went out, so a replay of an extraction that is already
 * deleted at the API (its rows are gone) only finishes the deletion instead of failing.
 */
public final class ExtractionRetention {

    private final InvoiceExtractionClient client;
    private final OutputStore store;
    private final boolean deleteAfterStore;

    public ExtractionRetention(InvoiceExtractionClient client, OutputStore store, boolean deleteAfterStore) {
        this.client = client;
        this.store = store;
        this.deleteAfterStore = deleteAfterStore;
    }

    static String markerKey(String extractionId) {
        return "extractions/" + extractionId + "/results-published";
    }

    /** True when deletion is on and an earlier delivery already published this extraction's results. */
    public boolean alreadyPublishedAndDeleting(String extractionId) {
        try {
            return deleteAfterStore && store.exists(markerKey(extractionId));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After the results are published: records that, then deletes the extraction when configured to. */
    public void afterPublished(String extractionId) {
        if (!deleteAfterStore) {
            return;
        }
        try {
            store.put(markerKey(extractionId), new ByteArrayInputStream(extractionId.getBytes(StandardCharsets.UTF_8)));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        delete(extractionId);
    }

    /** Deletes the extraction at the API; one that is already gone counts as deleted. */
    public void delete(String extractionId) {
        try {
            client.deleteExtraction(extractionId);
        }
        catch (ApiErrorException e) {
            if (e.errorCode() != ApiErrorCode.EXTRACTION_NOT_FOUND) {
                throw e;
            }
        }
    }
}
