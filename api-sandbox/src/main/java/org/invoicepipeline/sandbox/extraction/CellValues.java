package org.invoicepipeline.sandbox.extraction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Turns recognised values into row cells: typed (numbers, ISO date strings, {@code null}) or all strings. */
final class CellValues {

    private CellValues() {
    }

    /** The cell for a value ({@link String}, {@link LocalDate}, {@link BigDecimal} or {@code null}). */
    static Object cell(Object value, boolean typed) {
        if (value == null) {
            return typed ? null : "";
        }
        if (value instanceof BigDecimal number) {
            return typed ? number : number.toPlainString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return value.toString();
    }

    /** Several values in one text cell ({@code "a; b"}), or {@code null} when there are none. */
    static String joined(List<?> values) {
        List<String> texts = values.stream().filter(Objects::nonNull)
                .map(value -> value instanceof BigDecimal number ? number.toPlainString() : value.toString())
                .toList();
        return texts.isEmpty() ? null : texts.stream().collect(Collectors.joining("; "));
    }
}
