package org.invoicepipeline.download.mapping;

import org.invoicepipeline.client.model.Pages;
import org.invoicepipeline.client.model.ReviewNeededItem;

import java.util.List;
import java.util.Map;

/**
 * Every row of a completed extraction, gathered from all pages of the results endpoint.
 *
 * @param columns         output column names in order
 * @param rows            rows in output order; row {@code i} (from 0) is data row {@code i + 1}
 * @param reviewNeeded    review-needed items of the whole extraction
 * @param pages           page results (successful and failed pages)
 * @param outputStructure resolved output structure, e.g. {@code per_invoice}
 */
public record ExtractionRows(List<String> columns, List<Map<String, Object>> rows, List<ReviewNeededItem> reviewNeeded,
                             Pages pages, String outputStructure) {

    /** The column the API writes each row's source reference to. */
    public static final String SOURCE_FILE_COLUMN = "Source File";

    public ExtractionRows {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        reviewNeeded = List.copyOf(reviewNeeded);
    }
}
