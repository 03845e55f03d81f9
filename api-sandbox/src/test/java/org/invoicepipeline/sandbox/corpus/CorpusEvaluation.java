package org.invoicepipeline.sandbox.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.invoicepipeline.samples.CorpusDocument;
import org.invoicepipeline.samples.CorpusVariant;
import org.invoicepipeline.sandbox.document.DocumentReader;
import org.invoicepipeline.sandbox.document.ReadDocument;
import org.invoicepipeline.sandbox.extraction.ExtractionOutcome;
import org.invoicepipeline.sandbox.extraction.ExtractionPrompt;
import org.invoicepipeline.sandbox.extraction.ExtractionSpec;
import org.invoicepipeline.sandbox.extraction.ReviewNeededItem;
import org.invoicepipeline.sandbox.extraction.RowExtractor;

/**
 * Runs the sandbox's reading and row extraction over a corpus and scores every requested field of every
 * document: what it put in the cell, whether that is the printed value, and whether the row's Review Needed
 * items name the field. Pure apart from the reading; used by the corpus test and the report.
 */
final class CorpusEvaluation {

    /** The corpus field keys and the sandbox column each is requested as. */
    static final Map<String, String> COLUMNS = columns();
    private static final String PROMPT = "Extract invoice number, invoice date, due date, vendor name, buyer, "
            + "currency, net amount, tax amount and total amount";
    static final String IMAGE_MESSAGE = "image without a text layer";
    static final String NOT_AN_INVOICE_MESSAGE = "does not look like an invoice";

    private final DocumentReader reader = new DocumentReader();
    private final RowExtractor extractor = new RowExtractor();

    /** What the sandbox did with one field of one document. */
    record Cell(String field, String expected, String value, boolean flagged) {

        boolean printed() {
            return expected != null;
        }

        boolean found() {
            return !value.isEmpty();
        }

        boolean right() {
            return printed() && Objects.equals(expected, value);
        }

        /** A value that is not the printed one (or a value where nothing is printed). */
        boolean wrong() {
            return found() && !Objects.equals(expected, value);
        }
    }

    /** One document's cells and its whole-row review messages. */
    record DocumentResult(CorpusDocument document, List<Cell> cells, List<String> messages) {

        boolean mentions(String text) {
            return messages.stream().anyMatch(message -> message.contains(text));
        }
    }

    /** Per-field totals over a corpus. */
    record FieldScore(String field, int printed, int found, int right, int wrong, int flagged, int rightFlagged,
            int wrongUnflagged) {
    }

    DocumentResult evaluate(CorpusDocument document) {
        ReadDocument read = reader.read(document.fileName(), document.bytes());
        ExtractionOutcome outcome = extractor.extract(ExtractionSpec.builder(ExtractionPrompt.sentence(PROMPT)).build(),
                List.of(read));
        if (outcome.rows().size() != 1) {
            throw new IllegalStateException(document.fileName() + " gave " + outcome.rows().size() + " rows");
        }
        Map<String, Object> row = outcome.rows().get(0);
        List<Cell> cells = new ArrayList<>();
        COLUMNS.forEach((field, column) -> {
            boolean flagged = outcome.reviewNeeded().stream().map(ReviewNeededItem::affectedFields)
                    .anyMatch(fields -> fields.contains(column));
            cells.add(new Cell(field, document.expected().get(field), String.valueOf(row.get(column)), flagged));
        });
        List<String> messages = outcome.reviewNeeded().stream().map(ReviewNeededItem::message).toList();
        return new DocumentResult(document, cells, messages);
    }

    List<DocumentResult> evaluate(List<CorpusDocument> corpus) {
        return corpus.stream().map(this::evaluate).toList();
    }

    static List<FieldScore> scores(List<DocumentResult> results) {
        List<FieldScore> scores = new ArrayList<>();
        for (String field : COLUMNS.keySet()) {
            List<Cell> cells = results.stream().flatMap(result -> result.cells().stream())
                    .filter(cell -> cell.field().equals(field)).toList();
            scores.add(new FieldScore(field,
                    (int) cells.stream().filter(Cell::printed).count(),
                    (int) cells.stream().filter(cell -> cell.printed() && cell.found()).count(),
                    (int) cells.stream().filter(Cell::right).count(),
                    (int) cells.stream().filter(Cell::wrong).count(),
                    (int) cells.stream().filter(Cell::flagged).count(),
                    (int) cells.stream().filter(cell -> cell.right() && cell.flagged()).count(),
                    (int) cells.stream().filter(cell -> cell.wrong() && !cell.flagged()).count()));
        }
        return scores;
    }

    /** Documents per variant. */
    static Map<CorpusVariant, List<DocumentResult>> byVariant(List<DocumentResult> results) {
        Map<CorpusVariant, List<DocumentResult>> grouped = new LinkedHashMap<>();
        for (DocumentResult result : results) {
            grouped.computeIfAbsent(result.document().variant(), key -> new ArrayList<>()).add(result);
        }
        return grouped;
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("invoice_number", "Invoice Number");
        columns.put("issue_date", "Invoice Date");
        columns.put("due_date", "Due Date");
        columns.put("vendor_name", "Vendor Name");
        columns.put("buyer_name", "Buyer Name");
        columns.put("currency", "Currency");
        columns.put("net_amount", "Net Amount");
        columns.put("tax_amount", "Tax Amount");
        columns.put("total_amount", "Total Amount");
        return columns;
    }
}
