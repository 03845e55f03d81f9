package org.invoicepipeline.sandbox.extraction;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of running an extraction over its documents.
 *
 * @param outputStructure   the resolved structure (never {@link OutputStructure#AUTOMATIC})
 * @param columns           output columns in order: requested fields, then {@code Source File}, then
 *                          {@code Review Needed}, minus excluded system columns
 * @param columnTypes       the value type of every column in {@code columns}
 * @param jsonTypedValues   whether row values are typed ({@link java.math.BigDecimal} numbers, {@code null}
 *                          for empty) or all strings ({@code ""} for empty)
 * @param rows              one unmodifiable ordered map per row, keyed by every column; exactly what the JSON
 *                          output file and the results endpoint hold
 * @param reviewNeeded      Review Needed items (present even when the column is excluded)
 * @param uncertaintyNotes  prompt notes
 * @param questions         open questions; non-empty only with {@code ask_questions} when an answer is needed
 *                          (the engine then reports {@code input_required}, and re-runs with the answers)
 * @param pages             page results; one credit per successful page
 */
public record ExtractionOutcome(
        OutputStructure outputStructure,
        List<String> columns,
        Map<String, ValueType> columnTypes,
        boolean jsonTypedValues,
        List<Map<String, Object>> rows,
        List<ReviewNeededItem> reviewNeeded,
        List<UncertaintyNote> uncertaintyNotes,
        List<Question> questions,
        PageResults pages) {

    public ExtractionOutcome {
        Objects.requireNonNull(outputStructure, "outputStructure");
        columns = List.copyOf(columns);
        columnTypes = Collections.unmodifiableMap(new LinkedHashMap<>(columnTypes));
        rows = rows.stream().map(row -> Collections.unmodifiableMap(new LinkedHashMap<>(row))).toList();
        reviewNeeded = List.copyOf(reviewNeeded);
        uncertaintyNotes = List.copyOf(uncertaintyNotes);
        questions = List.copyOf(questions);
        Objects.requireNonNull(pages, "pages");
    }

    /** The extraction must stop and wait for answers to {@link #questions()}. */
    public boolean awaitingAnswers() {
        return !questions.isEmpty();
    }

    /** Credits to charge: one per successfully processed page. */
    public int creditsToCharge() {
        return pages.successfulCount();
    }

    /** The value type of a column ({@link ValueType#TEXT} for unknown columns). */
    public ValueType typeOf(String column) {
        return columnTypes.getOrDefault(column, ValueType.TEXT);
    }
}
