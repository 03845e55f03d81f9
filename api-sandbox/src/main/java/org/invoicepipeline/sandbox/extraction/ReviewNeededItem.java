package org.invoicepipeline.sandbox.extraction;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A Review Needed item (contract schema {@code ReviewNeededItem}); serialises with the contract's names. */
public record ReviewNeededItem(
        @JsonProperty("message") String message,
        @JsonProperty("affected_fields") List<String> affectedFields,
        @JsonProperty("output_row_numbers") List<Integer> outputRowNumbers,
        @JsonProperty("source_references") List<String> sourceReferences) {

    public ReviewNeededItem {
        affectedFields = List.copyOf(affectedFields);
        outputRowNumbers = List.copyOf(outputRowNumbers);
        sourceReferences = List.copyOf(sourceReferences);
    }
}
