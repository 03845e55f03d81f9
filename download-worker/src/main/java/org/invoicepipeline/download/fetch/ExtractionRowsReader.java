package org.invoicepipeline.download.fetch;

import org.invoicepipeline.client.InvoiceExtractionClient;
import org.invoicepipeline.client.model.Pages;
import org.invoicepipeline.client.model.ResultsPage;
import org.invoicepipeline.client.model.ReviewNeededItem;
import org.invoicepipeline.download.mapping.ExtractionRows;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads every row of a completed extraction through the results endpoint, page by page. Review-needed items
 * come with the page holding their rows; an item spanning two pages is kept once.
 */
public final class ExtractionRowsReader {

    private final InvoiceExtractionClient client;
    private final int pageSize;

    public ExtractionRowsReader(InvoiceExtractionClient client, int pageSize) {
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("results page size must be 1 to 1000, was " + pageSize);
        }
        this.client = client;
        this.pageSize = pageSize;
    }

    public ExtractionRows read(String extractionId) {
        List<String> columns = List.of();
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<ReviewNeededItem> reviewNeeded = new LinkedHashSet<>();
        Pages pages = null;
        String outputStructure = null;
        try (Stream<ResultsPage> resultPages = client.resultPages(extractionId, pageSize)) {
            for (ResultsPage page : (Iterable<ResultsPage>) resultPages::iterator) {
                if (pages == null) {
                    columns = page.columns();
                    pages = page.pages();
                    outputStructure = page.outputStructure() == null ? null : page.outputStructure().name().toLowerCase(java.util.Locale.ROOT);
                }
                rows.addAll(page.rows());
                if (page.reviewNeeded() != null && page.reviewNeeded().items() != null) {
                    reviewNeeded.addAll(page.reviewNeeded().items());
                }
            }
        }
        return new ExtractionRows(columns, rows, List.copyOf(reviewNeeded), pages, outputStructure);
    }
}
