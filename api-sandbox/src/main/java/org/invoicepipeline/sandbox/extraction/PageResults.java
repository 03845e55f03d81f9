package org.invoicepipeline.sandbox.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.invoicepipeline.sandbox.document.ReadDocument;
import org.invoicepipeline.sandbox.document.ReadPage;

/**
 * Which pages were processed and which failed (contract schema {@code Pages}). One credit is charged per
 * successful page ({@link #successfulCount()}).
 */
@JsonPropertyOrder({"successful_count", "failed_count", "successful", "failed", "failure_reasons"})
public record PageResults(
        @JsonProperty("successful") List<PageReference> successful,
        @JsonProperty("failed") List<PageReference> failed,
        @JsonProperty("failure_reasons") List<PageFailureReason> failureReasons) {

    public PageResults {
        successful = List.copyOf(successful);
        failed = List.copyOf(failed);
        failureReasons = List.copyOf(failureReasons);
    }

    @JsonProperty("successful_count")
    public int successfulCount() {
        return successful.size();
    }

    @JsonProperty("failed_count")
    public int failedCount() {
        return failed.size();
    }

    /**
     * The page results of the given documents, in their order. Failure reasons are grouped by code (the
     * message of the first page failing with that code is used), then by file.
     */
    public static PageResults of(List<ReadDocument> documents) {
        List<PageReference> successful = new ArrayList<>();
        List<PageReference> failed = new ArrayList<>();
        Map<String, String> messages = new LinkedHashMap<>();
        Map<String, Map<String, List<Integer>>> pagesByCode = new LinkedHashMap<>();
        for (ReadDocument document : documents) {
            for (ReadPage page : document.pages()) {
                PageReference reference = new PageReference(document.fileName(), page.number());
                if (page.successful()) {
                    successful.add(reference);
                } else {
                    failed.add(reference);
                    messages.putIfAbsent(page.failure().code(), page.failure().message());
                    pagesByCode.computeIfAbsent(page.failure().code(), code -> new LinkedHashMap<>())
                            .computeIfAbsent(document.fileName(), name -> new ArrayList<>())
                            .add(page.number());
                }
            }
        }
        List<PageFailureReason> reasons = new ArrayList<>();
        pagesByCode.forEach((code, byFile) -> {
            List<PageFailureReason.AffectedPages> affected = new ArrayList<>();
            byFile.forEach((file, pages) -> affected.add(new PageFailureReason.AffectedPages(file, pages)));
            reasons.add(new PageFailureReason(code, messages.get(code), affected));
        });
        return new PageResults(successful, failed, reasons);
    }
}
