package org.invoicepipeline.sandbox.extraction;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why some pages failed (contract schema {@code PageFailureReason}), grouped by failure code. */
public record PageFailureReason(
        @JsonProperty("code") String code,
        @JsonProperty("message") String message,
        @JsonProperty("affected_pages") List<AffectedPages> affectedPages) {

    public PageFailureReason {
        affectedPages = List.copyOf(affectedPages);
    }

    /** The pages of one file that failed for this reason. */
    public record AffectedPages(@JsonProperty("file_name") String fileName, @JsonProperty("pages") List<Integer> pages) {

        public AffectedPages {
            pages = List.copyOf(pages);
        }
    }
}
