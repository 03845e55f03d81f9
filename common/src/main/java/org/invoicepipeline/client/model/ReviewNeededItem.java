package org.invoicepipeline.client.model;

import java.util.List;

/** A concern about some rows; {@code outputRowNumbers} are 1-based data rows. */
public record ReviewNeededItem(String message, List<String> affectedFields, List<Integer> outputRowNumbers,
                               List<String> sourceReferences) {
}
