package org.invoicepipeline.client.model;

import java.util.List;

/** One page of extractions, newest first; pass {@code nextCursor} to get the next. */
public record ExtractionList(List<ExtractionSummary> extractions, boolean hasMore, String nextCursor) {
    public ExtractionList {
        extractions = extractions == null ? List.of() : List.copyOf(extractions);
    }
}
