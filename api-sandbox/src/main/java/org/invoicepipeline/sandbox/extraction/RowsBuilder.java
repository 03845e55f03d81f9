package org.invoicepipeline.sandbox.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.invoicepipeline.sandbox.document.ReadDocument;
import org.invoicepipeline.sandbox.document.ReadPage;

/** Builds rows and their Review Needed items, numbering rows from 1 across all documents. */
final class RowsBuilder {

    private final List<RequestedColumn> requested;
    private final OutputStructure structure;
    private final boolean typed;
    private final Set<SystemColumn> excluded;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<List<String>> rowMessages = new ArrayList<>();
    private final List<ReviewNeededItem> items = new ArrayList<>();
    private final List<String> sourceReferences = new ArrayList<>();

    RowsBuilder(List<RequestedColumn> requested, OutputStructure structure, boolean typed, Set<SystemColumn> excluded) {
        this.requested = requested;
        this.structure = structure;
        this.typed = typed;
        this.excluded = excluded;
    }

    void add(RowSource source, boolean useAmountDue, boolean totalAnswered) {
        ReadDocument document = source.document();
        RecognizedInvoice invoice = source.invoice();
        if (invoice == null) {
            // An image, or a scanned PDF whose pages carry no text layer: nothing to read without OCR.
            int row = addRow(emptyValues(), firstPage(document), document);
            review("This file is an image without a text layer, so no values could be read from it; "
                    + "enter them from the image.", requested.stream().map(RequestedColumn::name).toList(),
                    List.of(row), List.of(reference(document, firstPage(document))));
            return;
        }
        List<Integer> documentRows = new ArrayList<>();
        Map<Set<String>, List<Integer>> rowsByMissing = new LinkedHashMap<>();
        if (structure == OutputStructure.PER_LINE_ITEM && !invoice.lineItems().isEmpty()) {
            for (RecognizedLineItem item : invoice.lineItems()) {
                Map<String, Object> values = values(invoice, item, useAmountDue);
                int row = addRow(values, item.page(), document);
                documentRows.add(row);
                rowsByMissing.computeIfAbsent(missing(values), key -> new ArrayList<>()).add(row);
            }
        } else {
            Map<String, Object> values = values(invoice, null, useAmountDue);
            int row = addRow(values, firstPage(document), document);
            documentRows.add(row);
            rowsByMissing.computeIfAbsent(missing(values), key -> new ArrayList<>()).add(row);
        }
        rowsByMissing.forEach((missing, rowNumbers) -> {
            // On a document that is not an invoice, its own item below already names every field.
            if (!missing.isEmpty() && invoice.looksLikeInvoice()) {
                review("No value found for " + String.join(", ", missing) + " on this invoice; check the "
                        + "document and fill it in.", List.copyOf(missing), rowNumbers, references(rowNumbers));
            }
        });
        if (invoice.notAnInvoice() != null) {
            review(invoice.notAnInvoice(), requested.stream().map(RequestedColumn::name).toList(), documentRows,
                    List.of(reference(document, firstPage(document))));
        }
        for (RequestedColumn column : requested) {
            InvoiceField field = column.field();
            boolean answeredAmountDue = field == InvoiceField.TOTAL_AMOUNT && useAmountDue;
            if (field == null || field.lineItem() || answeredAmountDue || invoice.value(field) == null) {
                continue;
            }
            invoice.doubt(field).ifPresent(reason -> review(column.name() + " is uncertain: " + reason
                    + "; check it against the document.", List.of(column.name()), documentRows,
                    List.of(reference(document, invoice.pageOf(field)))));
        }
        Optional<RequestedColumn> totalColumn = requested.stream()
                .filter(column -> column.field() == InvoiceField.TOTAL_AMOUNT).findFirst();
        if (totalColumn.isPresent() && invoice.ambiguousTotal() && !totalAnswered) {
            AmountCandidate total = invoice.invoiceTotalCandidate().orElseThrow();
            AmountCandidate due = invoice.amountDueCandidate().orElseThrow();
            review("The invoice shows \"" + total.label() + " " + total.amount().toPlainString() + "\" and \""
                            + due.label() + " " + due.amount().toPlainString() + "\"; " + totalColumn.get().name()
                            + " holds the invoice total. Check which amount you need.",
                    List.of(totalColumn.get().name()), documentRows, List.of(reference(document, total.page())));
        }
        List<String> failedPages = document.failedPages().stream().map(page -> String.valueOf(page.number())).toList();
        if (!failedPages.isEmpty()) {
            review("Page " + String.join(", ", failedPages) + " of this file could not be read; values printed "
                    + "there are missing.", List.of(), documentRows,
                    document.failedPages().stream().map(page -> reference(document, page.number())).toList());
        }
    }

    private Map<String, Object> values(RecognizedInvoice invoice, RecognizedLineItem item, boolean useAmountDue) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RequestedColumn column : requested) {
            InvoiceField field = column.field();
            Object value;
            if (field == null) {
                value = null;
            } else if (field == InvoiceField.TOTAL_AMOUNT) {
                value = TotalQuestion.chosen(invoice, useAmountDue);
            } else if (!field.lineItem()) {
                value = invoice.value(field);
            } else if (item != null) {
                value = item.value(field);
            } else if (structure == OutputStructure.PER_INVOICE) {
                value = CellValues.joined(invoice.lineItems().stream().map(line -> line.value(field)).toList());
            } else {
                value = null;
            }
            values.put(column.name(), value);
        }
        return values;
    }

    private Map<String, Object> emptyValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        requested.forEach(column -> values.put(column.name(), null));
        return values;
    }

    private static Set<String> missing(Map<String, Object> values) {
        Set<String> missing = new LinkedHashSet<>();
        values.forEach((column, value) -> {
            if (value == null) {
                missing.add(column);
            }
        });
        return missing;
    }

    /** Adds a row of raw values; returns its 1-based number. */
    private int addRow(Map<String, Object> rawValues, int page, ReadDocument document) {
        Map<String, Object> row = new LinkedHashMap<>();
        rawValues.forEach((column, value) -> row.put(column, CellValues.cell(value, typed)));
        if (!excluded.contains(SystemColumn.SOURCE_FILE)) {
            row.put(SystemColumn.SOURCE_FILE.columnName(), reference(document, page));
        }
        rows.add(row);
        rowMessages.add(new ArrayList<>());
        sourceReferences.add(reference(document, page));
        return rows.size();
    }

    private List<String> references(List<Integer> rowNumbers) {
        return rowNumbers.stream().map(row -> sourceReferences.get(row - 1)).distinct().toList();
    }

    private void review(String message, List<String> fields, List<Integer> rowNumbers, List<String> references) {
        items.add(new ReviewNeededItem(message, fields, rowNumbers, references));
        rowNumbers.forEach(row -> rowMessages.get(row - 1).add(message));
    }

    List<Map<String, Object>> rows() {
        if (excluded.contains(SystemColumn.REVIEW_NEEDED)) {
            return rows;
        }
        List<Map<String, Object>> withReview = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>(rows.get(i));
            List<String> messages = rowMessages.get(i);
            row.put(SystemColumn.REVIEW_NEEDED.columnName(),
                    messages.isEmpty() ? (typed ? null : "") : String.join(" ", messages));
            withReview.add(row);
        }
        return withReview;
    }

    List<ReviewNeededItem> reviewItems() {
        return items;
    }

    private static int firstPage(ReadDocument document) {
        return document.successfulPages().stream().mapToInt(ReadPage::number).findFirst().orElse(1);
    }

    private static String reference(ReadDocument document, int page) {
        return document.fileName() + " (Page " + page + ")";
    }
}
