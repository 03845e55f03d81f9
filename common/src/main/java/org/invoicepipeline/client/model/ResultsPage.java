package org.invoicepipeline.client.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of a completed extraction's rows. Each row maps every column (in order) to its value: native
 * JSON types (Number, Boolean, String, null) when submitted with {@code json_typed_values}, strings otherwise.
 */
public record ResultsPage(String extractionId, String status, OutputStructure outputStructure,
                          Instant outputExpiresAt, boolean jsonTypedValues, List<String> columns,
                          List<Map<String, Object>> rows, int offset, int limit, int rowCount, int totalRows,
                          boolean hasMore, Integer nextOffset, ReviewNeeded reviewNeeded, Pages pages) {
    public ResultsPage {
        columns = columns == null ? List.of() : columns;
        rows = rows == null ? List.of() : rows;
    }
}
