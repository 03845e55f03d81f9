package org.invoicepipeline.sandbox.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.invoicepipeline.sandbox.document.ReadDocument;

/**
 * Turns read documents into output rows for an {@link ExtractionSpec}. Pure and thread-safe; the same spec
 * and documents always give the same outcome, so the engine can re-run it once questions are answered.
 *
 * <p>One document is one invoice. Encrypted documents, documents over the page limit and documents without
 * a successful page give no rows. An image, or a PDF without a text layer (a scan), gives one row of empty values
 * flagged for review (no OCR here).
 * Requested fields not found on an invoice are left empty and flagged for review; so are values resting on weak
 * evidence ({@link RecognizedInvoice#doubts()}), and every value of a document that does not look like an invoice.
 */
public final class RowExtractor {

    private final InvoiceFieldRecognizer recognizer = new InvoiceFieldRecognizer();

    /** Extracts rows from the documents, in the documents' order. */
    public ExtractionOutcome extract(ExtractionSpec spec, List<ReadDocument> documents) {
        PromptInterpretation prompt = PromptInterpretation.of(spec.prompt());
        OutputStructure structure = resolveStructure(spec.outputStructure(), prompt);
        boolean typed = spec.jsonTypedValues();

        Map<String, ValueType> columnTypes = new LinkedHashMap<>();
        for (RequestedColumn column : prompt.columns()) {
            ValueType type = column.field() == null ? ValueType.TEXT : column.field().valueType();
            boolean joinedLineField = structure == OutputStructure.PER_INVOICE
                    && column.field() != null && column.field().lineItem();
            columnTypes.put(column.name(), joinedLineField ? ValueType.TEXT : type);
        }
        for (SystemColumn system : SystemColumn.values()) {
            if (!spec.excludedColumns().contains(system)) {
                columnTypes.put(system.columnName(), ValueType.TEXT);
            }
        }

        List<RowSource> sources = new ArrayList<>();
        for (ReadDocument document : documents) {
            if (document.encrypted() || document.exceedsPageLimit() || document.successfulPages().isEmpty()) {
                continue;
            }
            boolean noTextLayer = document.image() || document.successfulPages().stream().allMatch(page -> page.text().isBlank());
            sources.add(new RowSource(document, noTextLayer ? null : recognizer.recognize(document)));
        }

        Optional<RequestedColumn> totalColumn = prompt.columns().stream()
                .filter(column -> column.field() == InvoiceField.TOTAL_AMOUNT).findFirst();
        Optional<Boolean> useAmountDue = TotalQuestion.useAmountDue(spec.answers());
        List<Question> questions = new ArrayList<>();
        if (totalColumn.isPresent() && spec.askQuestions() && useAmountDue.isEmpty()) {
            sources.stream().filter(RowSource::ambiguousTotal).findFirst().ifPresent(source ->
                    questions.add(TotalQuestion.ask(totalColumn.get().name(), source.document().fileName(), source.invoice())));
        }

        RowsBuilder rows = new RowsBuilder(prompt.columns(), structure, typed, spec.excludedColumns());
        for (RowSource source : sources) {
            rows.add(source, useAmountDue.orElse(false), useAmountDue.isPresent());
        }
        List<UncertaintyNote> notes = new ArrayList<>(prompt.notes());
        if (structure == OutputStructure.PER_INVOICE && prompt.asksForLineItems()) {
            notes.add(new UncertaintyNote("Line items in one row per invoice",
                    "The prompt asks for line-item fields with one row per invoice, so each invoice's line-item "
                            + "values are listed in one cell, separated by semicolons.",
                    List.of(new UncertaintyNote.SuggestedPromptAddition("To get one row per line item",
                            List.of("Submit with output_structure per_line_item")))));
        }
        List<String> columns = new ArrayList<>(columnTypes.keySet());
        return new ExtractionOutcome(structure, columns, columnTypes, typed, rows.rows(), rows.reviewItems(), notes,
                questions, PageResults.of(documents));
    }

    private static OutputStructure resolveStructure(OutputStructure requested, PromptInterpretation prompt) {
        if (requested != OutputStructure.AUTOMATIC) {
            return requested;
        }
        return prompt.asksForLineItems() ? OutputStructure.PER_LINE_ITEM : OutputStructure.PER_INVOICE;
    }
}
