package org.invoicepipeline.sandbox.extraction;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One page of one file (contract schema {@code PageReference}). */
public record PageReference(@JsonProperty("file_name") String fileName, @JsonProperty("page") int page) {
}
